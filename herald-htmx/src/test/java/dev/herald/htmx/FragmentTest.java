package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FragmentTest {

    @Test
    void anOutOfBandFragmentIsWrappedInADivNamingItsSwapAndTarget() {
        assertThat(Fragment.of("<li>hi</li>", "messages", Swap.BEFORE_END).oob())
                .isEqualTo("<div hx-swap-oob=\"beforeend:#messages\"><li>hi</li></div>");
    }

    @Test
    void anOuterHtmlFragmentCarriesTheAttributeOnItsOwnRootElement() {
        assertThat(Fragment.of("\n<tr id=\"row-1\"><td>1</td></tr>", "row-1", Swap.OUTER_HTML).oob())
                .isEqualTo("<tr hx-swap-oob=\"outerHTML:#row-1\" id=\"row-1\"><td>1</td></tr>");
    }

    @Test
    void theTargetIsEscapedAsACssIdThenAsAnAttributeValue() {
        assertThat(Fragment.of("x", "1a\"b<c>&d.e", Swap.INNER_HTML).oob())
                .isEqualTo("<div hx-swap-oob=\"innerHTML:#\\31 a\\&#34;b\\&lt;c\\&gt;\\&amp;d\\.e\">x</div>");
        assertThat(Html.idSelector("-")).isEqualTo("#\\-");
        assertThat(Html.idSelector("-2x")).isEqualTo("#-\\32 x");
        assertThat(Html.idSelector("ünï_code-9")).isEqualTo("#ünï_code-9");
    }

    @Test
    void aTargetIsAnIdNotASelector() {
        assertThatThrownBy(() -> Fragment.of("x", "", Swap.INNER_HTML)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Fragment.of("x", "a b", Swap.INNER_HTML)).hasMessageContaining("contains whitespace");
    }

    @Test
    void nothingCanBeSwappedOutOfBandWithSwapNoneNorAnOuterHtmlFragmentWithoutAnElement() {
        assertThatThrownBy(() -> Fragment.of("x", "t", Swap.NONE).oob()).hasMessageContaining("swap none");
        assertThatThrownBy(() -> Fragment.of("just text", "t", Swap.OUTER_HTML).oob())
                .hasMessageContaining("must start with its element");
    }

    @Test
    void onlyReplacingSwapsHaveAConflationKey() {
        assertThat(Fragment.of("1", "count", Swap.INNER_HTML).conflationKey()).isEqualTo("innerHTML:#count");
        assertThat(Fragment.of("<p id=c>1</p>", "c", Swap.OUTER_HTML).conflationKey()).isEqualTo("outerHTML:#c");
        assertThat(Fragment.of("<li>1</li>", "list", Swap.BEFORE_END).conflationKey()).isNull();
        assertThat(Fragment.of("<li>1</li>", "list", Swap.AFTER_BEGIN).conflationKey()).isNull();
    }
}
