package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class ServerThreadsTest {

    @Test
    void afterABurstEveryIdleThreadGoesBackWithinAnIdleTimeout() throws Exception {
        QueuedThreadPool pool = ServerThreads.create(Duration.ofMillis(300));
        pool.start();
        try {
            int minimum = pool.getThreads();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(60);
            for (int i = 0; i < 60; i++) {
                pool.execute(() -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            running.await();
            assertThat(pool.getThreads()).as("the burst grew the pool").isGreaterThanOrEqualTo(60);

            release.countDown();

            // Jetty's default lets one thread go per idle timeout: 60 would take 60 timeouts.
            Await.until("the pool is back to its size before the burst", () -> pool.getThreads() <= Math.max(minimum, pool.getMinThreads()));
        } finally {
            pool.stop();
        }
    }
}
