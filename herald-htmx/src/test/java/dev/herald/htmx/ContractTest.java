package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {

    private static final Contract MESSAGES = Contract.append("chat-message", "messages");
    private static final Contract PRESENCE = Contract.replace("presence", "presence");
    private static final Contract STATUS = Contract.oob("status");

    @Test
    void aRegionEventIsTheHtmlUnderTheContractsName() {
        HtmxEvent event = MESSAGES.event("<li>hi</li>");

        assertThat(event).isEqualTo(new HtmxEvent("chat-message", "<li>hi</li>", null));
        assertThat(event.message().type()).isEqualTo("chat-message");
    }

    @Test
    void aReplacingRegionEventIsConflatableByItsTarget() {
        assertThat(PRESENCE.event("<li>ann</li>").conflationKey()).isEqualTo("innerHTML:#presence");
    }

    @Test
    void extraOutOfBandFragmentsFollowTheHtmlAndAnAppendAmongThemIsNeverConflated() {
        HtmxEvent event = PRESENCE.event("<li>ann</li>", Fragment.of("2", "count", Swap.INNER_HTML));
        assertThat(event.data()).isEqualTo("<li>ann</li><div hx-swap-oob=\"innerHTML:#count\">2</div>");
        assertThat(event.conflationKey()).isEqualTo("innerHTML:#count innerHTML:#presence");

        assertThat(PRESENCE.event("x", Fragment.of("<li>1</li>", "log", Swap.BEFORE_END)).conflationKey()).isNull();
    }

    @Test
    void anOutOfBandEventIsItsFragmentsSwappedOutOfBand() {
        HtmxEvent event = STATUS.event(List.of(Fragment.of("done", "status", Swap.INNER_HTML)));

        assertThat(event).isEqualTo(new HtmxEvent("status", "<div hx-swap-oob=\"innerHTML:#status\">done</div>",
                "innerHTML:#status"));
    }

    @Test
    void eachKindOfContractRefusesTheOthersEvents() {
        assertThatThrownBy(() -> STATUS.event("<p>x</p>")).hasMessageContaining("is out-of-band");
        assertThatThrownBy(() -> MESSAGES.event(List.of(Fragment.of("x", "a", Swap.INNER_HTML))))
                .hasMessageContaining("swaps into #messages");
        assertThatThrownBy(() -> STATUS.event(List.of())).hasMessageContaining("at least one fragment");
    }

    @Test
    void namesThatWouldBreakAnSseSwapListOrCollideWithHeraldsOwnAreRefused() {
        assertThatThrownBy(() -> Contract.oob("a,b")).hasMessageContaining("must be 1-64 letters");
        assertThatThrownBy(() -> Contract.oob("a b")).hasMessageContaining("must be 1-64 letters");
        assertThatThrownBy(() -> Contract.oob("")).hasMessageContaining("must be 1-64 letters");
        assertThatThrownBy(() -> Contract.oob("herald-snapshot")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Contract.oob("htmx:load")).hasMessageContaining("must be 1-64 letters");
    }

    @Test
    void aRegionKeepsItsElementSoOnlySwapsIntoItFit() {
        assertThatThrownBy(() -> new Contract("x", "t", Swap.OUTER_HTML)).hasMessageContaining("only innerHTML, beforeend");
        assertThatThrownBy(() -> new Contract("x", null, Swap.INNER_HTML)).hasMessageContaining("has no target");
        assertThat(Contract.prepend("x", "t").swap()).isEqualTo(Swap.AFTER_BEGIN);
    }
}
