package dev.herald.app.agent.provider;

import dev.herald.app.agent.loop.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Streams a text the way a model does: word by word, each word with the spaces before it. */
final class Tokens {

    /** Splits before every run of white space: "a  b\nc" → "a", "  b", "\nc". */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=\\S)(?=\\s)");

    private Tokens() {
    }

    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : BOUNDARY.split(text)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * Hands {@code text} to {@code onText} token by token, {@code delay} apart.
     *
     * @throws dev.herald.app.agent.loop.AgentException CANCELLED as soon as the run is cancelled
     */
    static void stream(String text, Duration delay, Consumer<String> onText, Cancellation cancellation) {
        for (String token : split(text)) {
            cancellation.check();
            onText.accept(token);
            pause(delay);
        }
        cancellation.check();
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Cancellation.cancelledException();
        }
    }
}
