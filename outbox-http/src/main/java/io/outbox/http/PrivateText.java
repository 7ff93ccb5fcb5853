package io.outbox.http;

import io.outbox.handler.HandlerResult;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a user's private text (a journal's title and content, a mood's note) out of the reasons a
 * handler returns, which the outbox stores and {@code outbox list} shows. A server's error
 * message is kept, as docs/remote-api.md asks, but any private value it quotes, whole or a run of
 * {@value #RUN} characters of it, is replaced by {@value #MASK}. Stateless.
 */
public final class PrivateText {
    /** What replaces each stretch of private text in a reason. */
    public static final String MASK = "[private text]";
    static final int RUN = 10;
    /** Values this short are too common to mask wholesale ("ok", "no"); runs of longer ones are masked. */
    static final int SHORTEST_MASKED = 3;

    private PrivateText() {
    }

    /** The result with its reason masked; a {@code Done} is returned as it is. */
    public static HandlerResult mask(HandlerResult result, Collection<String> secrets) {
        if (result instanceof HandlerResult.RetryLater retry) {
            return new HandlerResult.RetryLater(mask(retry.reason(), secrets), retry.notBefore());
        }
        if (result instanceof HandlerResult.FailedForGood failed) {
            return new HandlerResult.FailedForGood(mask(failed.reason(), secrets));
        }
        if (result instanceof HandlerResult.WaitFor wait) {
            return new HandlerResult.WaitFor(wait.awaited(), mask(wait.reason(), secrets));
        }
        return result;
    }

    /** {@code text} with every private value, and every run of {@value #RUN} characters of one, masked. */
    public static String mask(String text, Collection<String> secrets) {
        boolean[] hidden = new boolean[text.length()];
        boolean any = false;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_MASKED) {
                any |= hide(text, secret, hidden);
                if (secret.length() > RUN) {
                    Set<String> runs = new HashSet<>();
                    for (int i = 0; i + RUN <= secret.length(); i++) {
                        runs.add(secret.substring(i, i + RUN));
                    }
                    for (int i = 0; i + RUN <= text.length(); i++) {
                        if (runs.contains(text.substring(i, i + RUN))) {
                            java.util.Arrays.fill(hidden, i, i + RUN, true);
                            any = true;
                        }
                    }
                }
            }
        }
        return any ? masked(text, hidden) : text;
    }

    private static boolean hide(String text, String secret, boolean[] hidden) {
        boolean found = false;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            java.util.Arrays.fill(hidden, at, at + secret.length(), true);
            found = true;
        }
        return found;
    }

    /** Each stretch of hidden characters becomes one mask. */
    private static String masked(String text, boolean[] hidden) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /** The private values of a list of optional texts, for {@link #mask}. */
    public static List<String> of(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isEmpty()).toList();
    }
}
