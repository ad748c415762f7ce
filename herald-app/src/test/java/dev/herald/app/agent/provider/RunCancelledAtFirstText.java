package dev.herald.app.agent.provider;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.RecordingListener;
import dev.herald.app.agent.tools.Toolbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run of {@code model} that is cancelled as soon as its first text arrives, on a virtual thread
 * as runs are: its blocked socket read ends when the cancel interrupts it.
 *
 * @param ended   whether the run ended within a minute
 * @param failure what the run threw, if anything
 * @param texts   the text pieces it heard
 */
record RunCancelledAtFirstText(boolean ended, Throwable failure, List<String> texts) {

    static RunCancelledAtFirstText of(ModelClient model) {
        Cancellation cancellation = new Cancellation();
        RecordingListener cancelling = new RecordingListener() {
            @Override
            public void onText(String text) {
                super.onText(text);
                Thread.ofVirtual().start(cancellation::cancel);
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = Thread.ofVirtual().start(() -> {
            try {
                Agent.create(model, Toolbox.of(List.of()), 1).run("hi", cancelling, cancellation);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        boolean ended = join(run);
        return new RunCancelledAtFirstText(ended, failure.get(), cancelling.texts());
    }

    private static boolean join(Thread thread) {
        try {
            // Generous: the SDK's first event is slow to decode on a cold, loaded JVM (seen: over 10 s).
            return thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
