package dev.herald.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.sse.RecordingListener.Comment;
import dev.herald.sse.RecordingListener.Retry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * WHATWG HTML §9.2.6 "Interpreting an event stream", one rule a test; the quoted rule is in the
 * comment. Every fixture is also fed one byte at a time and as text, and must parse the same.
 */
class SseParserTest {

    // "The stream must then be parsed by reading everything line by line, with a CRLF pair, a single LF
    // not preceded by a CR, and a single CR not followed by a LF being the ways in which a line can end."

    @Test
    void lineEndsAtLineFeed() {
        assertThat(parse("data: a\ndata: b\n\n")).containsExactly(message("a\nb"));
    }

    @Test
    void lineEndsAtCarriageReturnLineFeed() {
        assertThat(parse("data: a\r\ndata: b\r\n\r\n")).containsExactly(message("a\nb"));
    }

    @Test
    void lineEndsAtLoneCarriageReturn() {
        assertThat(parse("data: a\rdata: b\r\r")).containsExactly(message("a\nb"));
    }

    @Test
    void lineEndsMayBeMixedInOneStream() {
        assertThat(parse("data: a\rdata: b\r\ndata: c\n\r\n")).containsExactly(message("a\nb\nc"));
    }

    @Test
    void lineFeedAfterCarriageReturnLineFeedIsABlankLine() {
        assertThat(parse("data: a\r\n\ndata: b\n\r")).containsExactly(message("a"), message("b"));
    }

    @Test
    void carriageReturnAndLineFeedSplitAcrossChunksEndOneLine() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed(utf8("data: a\r"));
        parser.feed(utf8("\ndata: b\r"));
        parser.feed(utf8("\n\r"));
        parser.feed(utf8("\n"));
        assertThat(seen.seen).containsExactly(message("a\nb"));
    }

    @Test
    void carriageReturnAtEndOfChunkEndsItsLineAtOnce() {
        // A lone CR is a line end on its own: the blank line must not wait for the next chunk.
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed(utf8("data: a\r\r"));
        assertThat(seen.seen).containsExactly(message("a"));
    }

    // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."

    @Test
    void leadingByteOrderMarkIsStripped() {
        assertThat(parseBytes(bytes(0xEF, 0xBB, 0xBF, 'd', 'a', 't', 'a', ':', 'x', '\n', '\n')))
                .containsExactly(message("x"));
        assertThat(parse("\uFEFFdata: x\n\n")).containsExactly(message("x"));
    }

    @Test
    void onlyOneByteOrderMarkIsStripped() {
        // The second BOM is part of the field name "\uFEFFdata", an unknown field.
        assertThat(parse("\uFEFF\uFEFFdata: x\n\n")).isEmpty();
    }

    @Test
    void byteOrderMarkAfterTheStartIsText() {
        assertThat(parse("data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n"))
                .containsExactly(message("a"), message("\uFEFFc"));
    }

    @Test
    void byteOrderMarkSplitAcrossChunksIsStripped() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed(bytes(0xEF));
        parser.feed(bytes(0xBB));
        parser.feed(bytes(0xBF));
        parser.feed(utf8("data: x\n\n"));
        assertThat(seen.seen).containsExactly(message("x"));
    }

    // "Streams must be decoded using the UTF-8 decode algorithm."

    @Test
    void characterSplitAcrossChunksDecodes() {
        byte[] wire = utf8("data: é€😀\n\n");
        for (int split = 0; split <= wire.length; split++) {
            RecordingListener seen = new RecordingListener();
            SseParser parser = new SseParser(seen);
            parser.feed(wire, 0, split);
            parser.feed(wire, split, wire.length - split);
            assertThat(seen.seen).as("split at %d", split).containsExactly(message("é€😀"));
        }
    }

    @Test
    void invalidUtf8BecomesOneReplacementCharacterPerMaximalSubpart() {
        // The WHATWG Encoding standard's UTF-8 decoder, as browsers apply it.
        assertThat(dataOf(0x80)).as("lone continuation byte").isEqualTo("\uFFFD");
        assertThat(dataOf(0xFF)).as("byte never valid in UTF-8").isEqualTo("\uFFFD");
        assertThat(dataOf(0xC0, 0x80)).as("overlong NUL").isEqualTo("\uFFFD\uFFFD");
        assertThat(dataOf(0xE2, 0x82, 'x')).as("truncated sequence before ASCII").isEqualTo("\uFFFDx");
        assertThat(dataOf(0xED, 0xA0, 0x80)).as("encoded surrogate").isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(dataOf(0xF4, 0x90, 0x80, 0x80)).as("past U+10FFFF").isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(dataOf(0xF0, 0x9F, 0x98)).as("truncated emoji before the line end").isEqualTo("\uFFFD");
    }

    @Test
    void textFedAfterAnIncompleteCharacterEndsItAsReplacementCharacter() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed(utf8("data: a"));
        parser.feed(bytes(0xE2, 0x82));
        parser.feed("b\n\n");
        assertThat(seen.seen).containsExactly(message("a\uFFFDb"));
    }

    @Test
    void unpairedSurrogateInTextIsPassedOnAsGiven() {
        // Text fed as text is taken as decoded already; bytes can never produce an unpaired surrogate.
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed("data: a\uD83D\n\n");
        assertThat(seen.seen).containsExactly(message("a\uD83D"));
    }

    // "If the line is empty (a blank line): Dispatch the event."
    // Dispatch 2: "If the data buffer is an empty string, set the data buffer and the event type buffer
    // to the empty string and return."

    @Test
    void noDataNoEvent() {
        assertThat(parse("event: done\n\n")).isEmpty();
        assertThat(parse("id: 1\nretry: 5\n\n")).containsExactly(new Retry(5));
    }

    @Test
    void blankLineWithoutDataResetsTheType() {
        assertThat(parse("event: done\n\ndata: x\n\n")).containsExactly(message("x"));
    }

    @Test
    void blankLinesBetweenEventsDispatchNothing() {
        assertThat(parse("\n\n\r\ndata: x\n\n\n\n")).containsExactly(message("x"));
    }

    // "If the field name is "data": Append the field value to the data buffer, then append a single LF."
    // Dispatch 3: "If the data buffer's last character is a LF, then remove the last character."

    @Test
    void dataLinesAreJoinedByLineFeed() {
        assertThat(parse("data: YHOO\ndata: +2\ndata: 10\n\n")).containsExactly(message("YHOO\n+2\n10"));
    }

    @Test
    void oneTrailingLineFeedIsRemoved() {
        assertThat(parse("data: a\ndata:\n\n")).containsExactly(message("a\n"));
        assertThat(parse("data\ndata\n\n")).containsExactly(message("\n"));
    }

    @Test
    void emptyDataLineDispatchesEmptyData() {
        assertThat(parse("data:\n\n")).containsExactly(message(""));
    }

    // "If the field name is "event": Set the event type buffer to the field value."
    // Dispatch 5-7: type "message" unless the event type buffer is not empty; then both buffers are reset.

    @Test
    void eventFieldSetsTheType() {
        assertThat(parse("event: add\ndata: x\n\n")).containsExactly(event("add", "x", ""));
    }

    @Test
    void defaultTypeIsMessage() {
        assertThat(parse("data: x\n\n")).containsExactly(event("message", "x", ""));
    }

    @Test
    void emptyEventFieldMeansMessage() {
        assertThat(parse("event: add\nevent:\ndata: x\n\n")).containsExactly(event("message", "x", ""));
    }

    @Test
    void typeDoesNotCarryOverToTheNextEvent() {
        assertThat(parse("event: add\ndata: x\n\ndata: y\n\n"))
                .containsExactly(event("add", "x", ""), event("message", "y", ""));
    }

    @Test
    void latestEventFieldWins() {
        assertThat(parse("event: a\ndata: x\nevent: b\n\n")).containsExactly(event("b", "x", ""));
    }

    // "Collect the characters on the line after the first colon, and let value be that string. If value
    // starts with a U+0020 SPACE character, remove it from value."

    @Test
    void exactlyOneLeadingSpaceIsRemoved() {
        assertThat(parse("data:test\n\ndata: test\n\ndata:  test\n\n"))
                .containsExactly(message("test"), message("test"), message(" test"));
    }

    @Test
    void onlyASpaceIsRemovedNotATab() {
        assertThat(parse("data:\ttest\n\n")).containsExactly(message("\ttest"));
    }

    @Test
    void valueRunsFromTheFirstColon() {
        assertThat(parse("data: a: b:c\n\n")).containsExactly(message("a: b:c"));
    }

    @Test
    void trailingSpaceIsKept() {
        assertThat(parse("data: a \n\n")).containsExactly(message("a "));
    }

    // "Otherwise, the string is not empty but does not contain a colon: Process the field using the whole
    // line as the field name, and the empty string as the field value."

    @Test
    void lineWithoutColonIsAFieldWithEmptyValue() {
        assertThat(parse("data\n\n")).containsExactly(message(""));
        assertThat(parse("id: 1\ndata: a\n\nid\ndata: b\n\n"))
                .containsExactly(event("message", "a", "1"), event("message", "b", ""));
    }

    // "Field names must be compared literally, with no case folding performed." / "Otherwise: The field
    // is ignored."

    @Test
    void fieldNamesAreCaseSensitive() {
        assertThat(parse("Data: x\nDATA: y\n\n")).isEmpty();
        assertThat(parse("Event: add\ndata: x\n\n")).containsExactly(message("x"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(parse("foo: bar\ndata : x\n data: y\ndata: z\n\n")).containsExactly(message("z"));
    }

    // "If the line starts with a colon: Ignore the line." Herald reports it as a comment.

    @Test
    void commentsAreReportedAndDispatchNothing() {
        assertThat(parse(": heartbeat\n\n:\n\n")).containsExactly(new Comment("heartbeat"), new Comment(""));
    }

    @Test
    void commentKeepsAllButOneLeadingSpace() {
        assertThat(parse(":  two spaces\n:no space\n")).containsExactly(new Comment(" two spaces"), new Comment("no space"));
    }

    @Test
    void commentInsideAnEventDoesNotEndIt() {
        assertThat(parse("data: a\n: ping\ndata: b\n\n")).containsExactly(new Comment("ping"), message("a\nb"));
    }

    // "If the field name is "id": If the field value does not contain U+0000 NULL, then set the last event
    // ID buffer to the field value. Otherwise, ignore the field."
    // Dispatch 1: "Set the last event ID string of the event source to the value of the last event ID
    // buffer. The buffer does not get reset."

    @Test
    void idIsTheEventsLastEventId() {
        assertThat(parse("id: 7\ndata: x\n\n")).containsExactly(event("message", "x", "7"));
    }

    @Test
    void idIsStickyAcrossEvents() {
        assertThat(parse("id: 7\ndata: a\n\ndata: b\n\n"))
                .containsExactly(event("message", "a", "7"), event("message", "b", "7"));
    }

    @Test
    void emptyIdClearsTheLastEventId() {
        SseParser parser = parser("id: 7\ndata: a\n\nid:\ndata: b\n\n");
        assertThat(parser.lastEventId()).isEmpty();
    }

    @Test
    void idContainingNulIsIgnored() {
        assertThat(parse("id: 7\ndata: a\n\nid: 8\0\ndata: b\n\n"))
                .containsExactly(event("message", "a", "7"), event("message", "b", "7"));
    }

    @Test
    void lastEventIdIsSetEvenWhenNothingIsDispatched() {
        SseParser parser = parser("id: 7\n\n");
        assertThat(parser.lastEventId()).isEqualTo("7");
    }

    @Test
    void idTakesEffectAtTheBlankLine() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed("id: 1\ndata: a\n\nid: 2\ndata: b\n");
        assertThat(parser.lastEventId()).isEqualTo("1");
        parser.feed("\n");
        assertThat(parser.lastEventId()).isEqualTo("2");
    }

    @Test
    void idKeepsItsSpacesButTheFirst() {
        assertThat(parse("id:  a b \ndata: x\n\n")).containsExactly(event("message", "x", " a b "));
    }

    // "If the field name is "retry": If the field value consists of only ASCII digits, then interpret the
    // field value as an integer in base ten, and set the event stream's reconnection time to that integer.
    // Otherwise, ignore the field."

    @Test
    void retryOfDigitsSetsTheReconnectionTimeAtOnce() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        assertThat(parser.reconnectionTime()).isEmpty();
        parser.feed("retry: 2500\n");
        assertThat(seen.seen).containsExactly(new Retry(2500));
        assertThat(parser.reconnectionTime()).isEqualTo(OptionalLong.of(2500));
    }

    @Test
    void retryWithAnythingButAsciiDigitsIsIgnored() {
        for (String value : List.of("1.5", "-1", "+5", "10 ", "1e3", "0x10", "\u0663", "5\0")) {
            SseParser parser = parser("retry: " + value + "\n");
            assertThat(parser.reconnectionTime()).as("retry: %s", value).isEmpty();
        }
    }

    @Test
    void emptyRetryIsIgnored() {
        // Nothing to interpret as an integer; Chromium ignores it too.
        assertThat(parser("retry:\nretry\n").reconnectionTime()).isEmpty();
    }

    @Test
    void retryPastTheRangeOfALongIsIgnored() {
        assertThat(parser("retry: 9223372036854775807\n").reconnectionTime()).hasValue(Long.MAX_VALUE);
        assertThat(parser("retry: 9223372036854775808\n").reconnectionTime()).isEmpty();
    }

    @Test
    void retryWithLeadingZerosCounts() {
        assertThat(parse("retry: 007\n")).containsExactly(new Retry(7));
    }

    // "Once the end of the file is reached, any pending data must be discarded. (If the file ends in the
    // middle of an event, before the final empty line, the incomplete event is not dispatched.)"

    @Test
    void endDiscardsAHalfReceivedEvent() {
        assertThat(parse("data: a\n\ndata: b\n")).containsExactly(message("a"));
        assertThat(parse("data: a\n\ndata: b")).containsExactly(message("a"));
        assertThat(parse("data: a\n\ndata")).containsExactly(message("a"));
    }

    @Test
    void endDiscardsTheIdOfAHalfReceivedEvent() {
        assertThat(parser("id: 1\ndata: a\n\nid: 2\ndata: b\n").lastEventId()).isEqualTo("1");
    }

    @Test
    void afterEndTheParserReadsTheNextConnectionKeepingLastEventIdAndRetry() {
        // As a browser does, the new stream's last event ID buffer starts from the last event ID string,
        // so an event without an id does not make the next reconnect start over.
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed("retry: 100\nid: 5\ndata: a\n\nevent: half\ndata: b");
        parser.end();
        parser.feed(utf8("\uFEFFdata: c\n\n"));
        assertThat(seen.seen).containsExactly(new Retry(100), event("message", "a", "5"), event("message", "c", "5"));
        assertThat(parser.lastEventId()).isEqualTo("5");
        assertThat(parser.reconnectionTime()).hasValue(100);
    }

    // The spec's own examples.

    @Test
    void specExampleFourBlocks() {
        assertThat(parse("""
                : test stream

                data: first event
                id: 1

                data:second event
                id

                data:  third event

                """)).containsExactly(
                new Comment("test stream"),
                event("message", "first event", "1"),
                event("message", "second event", ""),
                event("message", " third event", ""));
    }

    @Test
    void specExampleTwoEventsAndADiscardedBlock() {
        assertThat(parse("""
                data

                data
                data

                data:""")).containsExactly(message(""), message("\n"));
    }

    // Chunking: any split of the bytes parses the same.

    @Test
    void everySplitOfAStreamParsesTheSame() {
        byte[] wire = utf8("\uFEFF: hi\r\nretry: 10\rid: é1\ndata: a€\r\ndata:  😀\r\r"
                + "event: x\nid: n\0\ndata\n\nevent: y\r\n\r\nid\rdata: z:\n\n");
        RecordingListener whole = new RecordingListener();
        SseParser wholeParser = new SseParser(whole);
        wholeParser.feed(wire);
        assertThat(whole.seen).containsExactly(
                new Comment("hi"),
                new Retry(10),
                event("message", "a€\n 😀", "é1"),
                event("x", "", "é1"),
                event("message", "z:", ""));

        assertThat(parseInOneByteChunks(wire)).isEqualTo(whole.seen);
        for (int split = 0; split <= wire.length; split++) {
            RecordingListener seen = new RecordingListener();
            SseParser parser = new SseParser(seen);
            parser.feed(wire, 0, split);
            parser.feed(wire, split, wire.length - split);
            assertThat(seen.seen).as("split at byte %d", split).isEqualTo(whole.seen);
        }
    }

    @Test
    void byteBuffersAreReadFromPositionToLimit() {
        byte[] wire = utf8("xxdata: é\n\nyy");
        for (ByteBuffer buffer : List.of(
                ByteBuffer.wrap(wire),
                ByteBuffer.wrap(wire).asReadOnlyBuffer(),
                ByteBuffer.allocateDirect(wire.length).put(wire).flip())) {
            RecordingListener seen = new RecordingListener();
            SseParser parser = new SseParser(seen);
            buffer.position(2).limit(wire.length - 2);
            parser.feed(buffer.slice(2, wire.length - 4));
            parser.feed(buffer);
            assertThat(buffer.position()).isEqualTo(wire.length - 2);
            assertThat(seen.seen).as(buffer.toString()).containsExactly(message("é"), message("é"));
        }
    }

    @Test
    void longInputIsReadWhole() {
        // Longer than the parser's internal slices, in both byte and text form.
        String payload = "é😀x".repeat(10_000);
        assertThat(parse("data: " + payload + "\r\n\r\n")).containsExactly(message(payload));
    }

    // Bounds.

    @Test
    void lineLongerThanTheLimitThrows() {
        SseParser parser = new SseParser(new RecordingListener(), 16);
        parser.feed(": 0123456789abcd");
        assertThatThrownBy(() -> parser.feed("e"))
                .isInstanceOf(SseEventTooLargeException.class)
                .hasMessage("event stream: the event being received would hold 17 chars (its data so far plus"
                        + " the line being read), past the parser's limit of 16; raise it with"
                        + " new SseParser(listener, maxEventChars), or close the stream");
    }

    @Test
    void dataOfOneEventLongerThanTheLimitThrows() {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen, 16);
        parser.feed("data: 0123456\n\n");
        parser.feed("data: 0123456\n");
        assertThatThrownBy(() -> parser.feed("data: 01234\n"))
                .isInstanceOf(SseEventTooLargeException.class);
        assertThat(seen.seen).containsExactly(message("0123456"));
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new SseParser(new RecordingListener(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEventChars must be at least 1, was 0");
    }

    // Helpers.

    private static SseParser.Event message(String data) {
        return new SseParser.Event("message", data, "");
    }

    private static SseParser.Event event(String type, String data, String lastEventId) {
        return new SseParser.Event(type, data, lastEventId);
    }

    /** What the listener saw for {@code stream}, fed as UTF-8 bytes and ended; checked against other feeds. */
    private static List<Object> parse(String stream) {
        List<Object> seen = parseBytes(utf8(stream));
        RecordingListener asText = new RecordingListener();
        SseParser parser = new SseParser(asText);
        parser.feed(stream);
        parser.end();
        assertThat(asText.seen).as("fed as text").isEqualTo(seen);
        return seen;
    }

    private static List<Object> parseBytes(byte[] stream) {
        RecordingListener whole = new RecordingListener();
        SseParser parser = new SseParser(whole);
        parser.feed(stream);
        parser.end();
        assertThat(parseInOneByteChunks(stream)).as("fed one byte at a time").isEqualTo(whole.seen);
        return whole.seen;
    }

    private static List<Object> parseInOneByteChunks(byte[] stream) {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        for (int i = 0; i < stream.length; i++) {
            parser.feed(stream, i, 1);
        }
        parser.end();
        return seen.seen;
    }

    private static SseParser parser(String stream) {
        SseParser parser = new SseParser(new RecordingListener());
        parser.feed(utf8(stream));
        parser.end();
        return parser;
    }

    private static String dataOf(int... payload) {
        byte[] prefix = utf8("data: ");
        byte[] wire = new byte[prefix.length + payload.length + 2];
        System.arraycopy(prefix, 0, wire, 0, prefix.length);
        for (int i = 0; i < payload.length; i++) {
            wire[prefix.length + i] = (byte) payload[i];
        }
        wire[wire.length - 2] = '\n';
        wire[wire.length - 1] = '\n';
        List<Object> seen = parseBytes(wire);
        assertThat(seen).hasSize(1);
        return ((SseParser.Event) seen.getFirst()).data();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
