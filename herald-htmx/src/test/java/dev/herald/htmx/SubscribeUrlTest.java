package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscribeUrlTest {

    @Test
    void carriesEachTopicAndThePositionToResumeAfter() {
        assertThat(SubscribeUrl.of(List.of("notifications", "chat"), "k3x9a0b1:17"))
                .isEqualTo("/.well-known/mercure?topic=notifications&topic=chat&lastEventID=k3x9a0b1%3A17");
    }

    @Test
    void withoutAPositionSubscribesToLiveEventsOnly() {
        assertThat(SubscribeUrl.of(List.of("notifications"), null)).isEqualTo("/.well-known/mercure?topic=notifications");
    }

    @Test
    void encodesEveryValue() {
        assertThat(SubscribeUrl.of(List.of("room/1 & 2"), "a&b=c"))
                .isEqualTo("/.well-known/mercure?topic=room%2F1+%26+2&lastEventID=a%26b%3Dc");
    }

    @Test
    void needsATopic() {
        assertThatThrownBy(() -> SubscribeUrl.of(List.of(), null)).hasMessage("a subscription needs at least one topic");
    }
}
