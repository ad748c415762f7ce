package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.hub.Hub;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Interest;
import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hubs on the in-memory broker keep the broker contract; an unreachable log is reported and recovered from. */
class InMemoryBrokerTest extends BrokerContract {

    private final InMemoryBroker log = new InMemoryBroker(MAX_EVENTS_PER_TOPIC);

    @Override
    protected Broker connect() {
        return log.node();
    }

    @Override
    protected void loseData() {
        log.loseData();
    }

    @Test
    void anUnreachableLogEndsEverySubscriptionAndFailsPublishesUntilItIsBack() {
        Hub a = node();
        Hub b = node();
        Inbox open = Inbox.subscribe(b, Interest.topics(List.of("t")), null);

        log.reachable(false);

        assertThat(open.awaitEnd().type()).isEqualTo(Hub.UNAVAILABLE_EVENT_TYPE);
        assertThatThrownBy(() -> a.publish("t", SseEvent.message("lost?"))).isInstanceOf(HubUnavailableException.class);
        Await.until("node b knows", () -> {
            try {
                Inbox.subscribe(b, Interest.topics(List.of("t")), null);
                return false;
            } catch (HubUnavailableException expected) {
                return true;
            }
        });

        log.reachable(true);
        Await.until("node b subscribes again", () -> {
            try {
                Inbox.subscribe(b, Interest.topics(List.of("t")), null);
                return true;
            } catch (HubUnavailableException notYet) {
                return false;
            }
        });
        Inbox again = Inbox.subscribe(b, Interest.topics(List.of("t")), null);
        a.publish("t", SseEvent.message("back"));
        assertThat(again.awaitLive(1)).extracting(e -> e.message().data()).containsExactly("back");
    }
}
