package io.outbox.testing.backend;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request goes: {@code /api/v1/<collection>} or {@code /api/v1/<collection>/<backend id>}.
 * A collection may span segments ({@code wellness/mood-entries}); backend ids are UUIDs, so a last
 * segment that is a UUID, after at least one other, is the backend id. Immutable.
 */
record Route(String collection, Optional<String> backendId) {
    static final String PREFIX = "/api/v1/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The route of a raw path, or empty when the path is not under {@code /api/v1/} or is malformed. */
    static Optional<Route> parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        int last = segments.length - 1;
        if (last >= 1 && UUID_TEXT.matcher(segments[last]).matches()) {
            return Optional.of(new Route(String.join("/", Arrays.copyOf(segments, last)), Optional.of(segments[last])));
        }
        return Optional.of(new Route(String.join("/", segments), Optional.empty()));
    }
}
