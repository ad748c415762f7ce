package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping an application with open pages: their streams end at once, not when the graceful shutdown gives up. */
class GracefulShutdownTest {

    @Test
    void stoppingTheApplicationEndsItsOpenStreamsWithTheFinalEventBeforeTheServerWaitsForThem() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SpringMvcStreamTest.BoardApp.class)
                .properties("server.port=0", "server.shutdown=graceful", "gg.jte.development-mode=true").run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             SseRecorder events = SseRecorder.connect(client, URI.create("http://127.0.0.1:" + port + "/board/events"))) {
            events.next(); // retry

            long start = System.nanoTime();
            app.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well within the graceful shutdown's 30 s")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(events.nextMessage().type()).isEqualTo(Hub.SHUTDOWN_EVENT_TYPE);
        }
    }
}
