package dev.herald.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The wire format Herald writes (WHATWG HTML §9.2.5). Fixtures are text blocks; a text block
 * drops trailing spaces, so a space that ends a line is written {@code \s}.
 */
class SseEncoderTest {

    @Test
    void dataOnly() {
        assertWire(SseEvent.message("hello"), """
                data: hello

                """);
    }

    @Test
    void typeBeforeData() {
        assertWire(SseEvent.message("greeting", "hi"), """
                event: greeting
                data: hi

                """);
    }

    @Test
    void idFirstThenTypeThenData() {
        assertWire(SseEvent.message("42", "greeting", "hi"), """
                id: 42
                event: greeting
                data: hi

                """);
    }

    @Test
    void emptyIdIsWrittenAndClearsTheClientsLastEventId() {
        assertWire(SseEvent.message("", null, "x"), """
                id:\s
                data: x

                """);
    }

    @Test
    void eachLineFeedStartsADataLine() {
        assertWire(SseEvent.message("a\nb\nc"), """
                data: a
                data: b
                data: c

                """);
    }

    @Test
    void loneCarriageReturnStartsADataLine() {
        // A lone CR ends a line for the parser (§9.2.6): left inside a data line it would inject a field.
        assertWire(SseEvent.message("a\rid: forged"), """
                data: a
                data: id: forged

                """);
    }

    @Test
    void carriageReturnLineFeedIsOneLineBreak() {
        assertWire(SseEvent.message("a\r\nb"), """
                data: a
                data: b

                """);
    }

    @Test
    void lineFeedThenCarriageReturnIsTwoLineBreaks() {
        assertWire(SseEvent.message("a\n\rb"), """
                data: a
                data:\s
                data: b

                """);
    }

    @Test
    void trailingLineBreakAddsAnEmptyDataLine() {
        // The parser removes one trailing LF at dispatch, so "a\n" needs data lines "a" and "".
        assertWire(SseEvent.message("a\n"), """
                data: a
                data:\s

                """);
    }

    @Test
    void emptyDataIsOneEmptyDataLine() {
        // Without a data line, no event is dispatched at all (§9.2.6).
        assertWire(SseEvent.message(""), """
                data:\s

                """);
    }

    @Test
    void leadingSpaceOfThePayloadIsKept() {
        // The parser removes exactly one space after the colon: the one the encoder adds.
        assertWire(SseEvent.message(" token"), """
                data:  token

                """);
    }

    @Test
    void leadingSpaceOfTypeAndIdIsKept() {
        assertWire(SseEvent.message(" 1", " t", "x"), """
                id:  1
                event:  t
                data: x

                """);
    }

    @Test
    void commentIsAColonLine() {
        assertWire(SseEvent.comment("heartbeat"), """
                : heartbeat

                """);
    }

    @Test
    void emptyCommentIsABareColon() {
        assertWire(SseEvent.comment(""), """
                :

                """);
    }

    @Test
    void retryInMilliseconds() {
        assertWire(SseEvent.retry(Duration.ofSeconds(3)), """
                retry: 3000

                """);
    }

    @Test
    void unicodeIsWrittenAsUtf8IncludingCharactersOutsideTheBasicPlane() {
        SseEvent event = SseEvent.message("ü", "é € 😀");
        assertWire(event, """
                event: ü
                data: é € 😀

                """);
        byte[] wire = SseEncoder.encode(event);
        assertThat(wire).containsSequence(0xC3, 0xA9) // é
                .containsSequence(0xE2, 0x82, 0xAC) // €
                .containsSequence(0xF0, 0x9F, 0x98, 0x80); // 😀, one four-byte sequence, not two surrogates
    }

    @Test
    void unpairedSurrogateInDataIsWrittenAsReplacementCharacter() {
        // String.getBytes would write '?', which no reader can tell from a real question mark.
        SseEvent event = SseEvent.message("a\uD83Db\uDE00");
        assertWire(event, """
                data: a\uFFFDb\uFFFD

                """);
        assertThat(SseEncoder.encode(event)).containsSequence(0xEF, 0xBF, 0xBD);
    }

    @Test
    void unpairedSurrogateInCommentIsWrittenAsReplacementCharacter() {
        assertWire(SseEvent.comment("\uD83D"), """
                : \uFFFD

                """);
    }

    @Test
    void appendToAddsToWhatIsThere() {
        StringBuilder out = new StringBuilder("data: first\n\n");
        SseEncoder.appendTo(out, SseEvent.message("second"));
        assertThat(out).hasToString("""
                data: first

                data: second

                """);
    }

    @Test
    void idWithCarriageReturnIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("1\rdata: x", null, "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id must not contain CR (found at index 1 of \"1\\rdata: x\")");
    }

    @Test
    void idWithLineFeedIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("1\n", null, "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id must not contain LF (found at index 1 of \"1\\n\")");
    }

    @Test
    void idWithNulIsRejected() {
        // A browser ignores an id containing NUL (§9.2.6): the client would resume from an older id.
        assertThatThrownBy(() -> SseEvent.message("a\0b", null, "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id must not contain NUL (found at index 1 of \"a\\0b\")");
    }

    @Test
    void idWithUnpairedSurrogateIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("a\uD83D", null, "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id must not contain an unpaired surrogate U+D83D (found at index 1 of \"a\uD83D\"): it has no UTF-8 form");
    }

    @Test
    void typeWithCarriageReturnIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("a\rb", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event type must not contain CR (found at index 1 of \"a\\rb\")");
    }

    @Test
    void typeWithLineFeedIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("a\nevent: b", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event type must not contain LF (found at index 1 of \"a\\nevent: b\")");
    }

    @Test
    void typeWithUnpairedSurrogateIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("\uDE00", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event type must not contain an unpaired surrogate U+DE00 (found at index 0 of \"\uDE00\"): it has no UTF-8 form");
    }

    @Test
    void emptyTypeIsRejected() {
        assertThatThrownBy(() -> SseEvent.message("", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event type is empty: use null for the default type \"message\"");
    }

    @Test
    void nullDataIsRejected() {
        assertThatThrownBy(() -> SseEvent.message(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("data (use \"\" for an empty payload: an event without data is never dispatched)");
    }

    @Test
    void commentWithLineBreakIsRejected() {
        assertThatThrownBy(() -> SseEvent.comment("a\ndata: x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comment must not contain LF (found at index 1 of \"a\\ndata: x\")");
    }

    @Test
    void negativeRetryIsRejected() {
        assertThatThrownBy(() -> SseEvent.retry(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry must not be negative, was -1 ms");
    }

    private static void assertWire(SseEvent event, String wire) {
        assertThat(SseEncoder.encodeToString(event)).isEqualTo(wire);
        assertThat(SseEncoder.encode(event)).isEqualTo(wire.getBytes(StandardCharsets.UTF_8));
    }
}
