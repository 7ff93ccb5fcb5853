package io.outbox.http;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The delivery flow every handler of a synced entry shares, on top of what {@link RemoteApi}
 * maps: a create whose backend id is already known sends nothing; a create answered without a backend id fails
 * for good (nothing could ever update or delete it); an update or delete without a backend id
 * waits or fails, as the target says; and every reason has the entry's private text masked.
 * Thread-safe.
 */
public final class EntryDelivery {
    private final RemoteApi api;

    /** Delivers through {@code api}. */
    public EntryDelivery(RemoteApi api) {
        this.api = api;
    }

    /** A request body, or the reason there is none yet. */
    public sealed interface Body permits Ready, Blocked {
    }

    /** The JSON body to send. */
    public record Ready(String json) implements Body {
        @Override
        public String toString() {
            return "Ready[" + json.length() + " chars]";
        }
    }

    /** Not sendable now: the handler's answer instead. */
    public record Blocked(HandlerResult result) implements Body {
    }

    /**
     * One entry to deliver, as known at send time.
     *
     * @param noun             "mood entry 3f0c...", for reasons
     * @param collection       the collection's path, {@code /api/v1/wellness/mood-entries}
     * @param body             builds the body of a create or update (called only for those)
     * @param onDeleted        runs once the backend no longer has the entry
     * @param withoutBackendId the answer to an update or delete when no backend id is known
     * @param secrets          the private values to mask in reasons
     */
    public record Target(String noun, String collection, Optional<String> backendId, Supplier<Body> body,
                  Runnable onDeleted, HandlerResult withoutBackendId,
                  List<String> secrets) {
        /** Checks noun and backend id (or its absence), and keeps a copy of the secrets. */
        public Target {
            Objects.requireNonNull(noun, "noun");
            Objects.requireNonNull(backendId, "backendId");
            secrets = List.copyOf(secrets);
        }
    }

    /** Sends the request {@code event}'s operation needs for {@code target}, and returns the handler's answer. */
    public HandlerResult deliver(OutboxEvent event, Target target) {
        HandlerResult result = switch (event.operation()) {
            case CREATE -> create(event, target);
            case UPDATE -> withBackendId(target, id -> withBody(target,
                    body -> api.send(Call.put(target.collection() + "/" + id, body, event.id()))));
            case DELETE -> withBackendId(target, id -> deleted(target,
                    api.send(Call.delete(target.collection() + "/" + id, event.id()))));
        };
        return PrivateText.mask(result, target.secrets());
    }

    /** The entity id of an event, or empty when it is not a UUID in its usual form. */
    public static Optional<UUID> entityId(OutboxEvent event) {
        try {
            UUID id = UUID.fromString(event.entityId().trim());
            return id.toString().equalsIgnoreCase(event.entityId().trim()) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private HandlerResult create(OutboxEvent event, Target target) {
        if (target.backendId().isPresent()) {
            return HandlerResult.done(target.backendId().get()); // an earlier attempt or event got through
        }
        return withBody(target, body -> {
            HandlerResult result = api.send(Call.post(target.collection(), body, event.id()));
            if (result instanceof HandlerResult.Done done && done.data().isEmpty()) {
                return HandlerResult.failedForGood("the backend accepted the create of " + target.noun()
                        + " without giving its id, so it could never be updated or deleted there");
            }
            return result; // the backend id is the result's data: the handler keeps it with the completion
        });
    }

    private static HandlerResult deleted(Target target, HandlerResult result) {
        if (result instanceof HandlerResult.Done) {
            target.onDeleted().run();
        }
        return result;
    }

    private static HandlerResult withBody(Target target, Function<String, HandlerResult> send) {
        Body body = target.body().get();
        if (body instanceof Blocked blocked) {
            return blocked.result();
        }
        return send.apply(((Ready) body).json());
    }

    /** A backend id is put in the path only when it is one path segment the contract allows. */
    private static HandlerResult withBackendId(Target target, Function<String, HandlerResult> send) {
        if (target.backendId().isEmpty()) {
            return target.withoutBackendId();
        }
        String id = target.backendId().get();
        if (!id.matches("[A-Za-z0-9._~-]+") || id.equals(".") || id.equals("..")) {
            return HandlerResult.failedForGood("the backend id of " + target.noun() + " cannot be used in a URL"
                    + " path; only A-Za-z0-9._~- are");
        }
        return send.apply(id);
    }
}
