package dev.herald.jetty;

import static dev.herald.jetty.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishThreadTest {

    @Test
    void anHttpPublishFansOutOnThePlatformPublishThreadNotOnAVirtualThread() throws Exception {
        CompletableFuture<Thread> fanOutThread = new CompletableFuture<>();
        try (TestServer server = new TestServer()) {
            server.hub.subscribe(List.of("a"), null, new Subscriber() {
                @Override
                public void onReplay(Replay replay) {
                }

                @Override
                public void onEvent(HubEvent event) {
                    fanOutThread.complete(Thread.currentThread());
                }

                @Override
                public void onShutdown(SseEvent.Message finalEvent) {
                }
            });

            assertThat(server.publish(token("a"), "topic", "a", "data", "x").statusCode()).isEqualTo(200);

            Thread thread = fanOutThread.get();
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).isEqualTo("herald-publish");
        }
    }

    @Test
    void aPublishRefusedByTheHubThrowsTheHubsOwnException() {
        try (PublishThread publishThread = new PublishThread()) {
            Hub hub = Hub.builder().build();
            SseEvent.Message withHubShapedId = SseEvent.message("abcdefgh:1", null, "x");

            assertThatThrownBy(() -> publishThread.publish(hub, List.of("a"), withHubShapedId))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub-assigned");
        }
    }

    @Test
    void aPublishAfterCloseIsRefusedAsAfterTheHubsShutdown() {
        PublishThread publishThread = new PublishThread();
        publishThread.close();

        assertThatThrownBy(() -> publishThread.publish(Hub.builder().build(), List.of("a"), SseEvent.message(null, null, "x")))
                .isInstanceOf(HubClosedException.class);
    }
}
