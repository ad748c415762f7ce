package dev.herald.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.RecordingListener.Comment;
import dev.herald.sse.RecordingListener.Retry;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@link SseEncoder} writes, {@link SseParser} reads back: the same type, data and id,
 * however the bytes are chunked. The one change is the format's own: a CR or CRLF in a payload
 * arrives as LF.
 */
class SseRoundTripTest {

    // Heavy in what breaks naive writers and readers; emoji are surrogate pairs in Java strings.
    private static final String[] PIECES = {
        "\r", "\r", "\n", "\n", "\r\n", "\r\n", "\n\r", "\0", "\uFEFF", "\uFEFF", ":", ":", " ", " ", "  ",
        "a", "Z", "7", "data: ", "id:", "event", "retry: 1", "é", "€", "😀", "👍🏽", "\t",
    };

    @Test
    void everyEventComesBackIdenticalHoweverTheBytesAreChunked() {
        long seed = Long.getLong("herald.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int stream = 0; stream < 300; stream++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            List<Object> expected = new ArrayList<>();
            String lastEventId = "";
            int events = 1 + random.nextInt(40);
            for (int e = 0; e < events; e++) {
                SseEvent event = randomEvent(random);
                wire.writeBytes(SseEncoder.encode(event));
                switch (event) {
                    case SseEvent.Message m -> {
                        lastEventId = m.id() != null ? m.id() : lastEventId;
                        expected.add(new SseParser.Event(
                                m.type() != null ? m.type() : "message", lineFeedsOnly(m.data()), lastEventId));
                    }
                    case SseEvent.Comment c -> expected.add(new Comment(c.text()));
                    case SseEvent.Retry r -> expected.add(new Retry(r.millis()));
                }
            }

            RecordingListener seen = new RecordingListener();
            SseParser parser = new SseParser(seen);
            feedInRandomChunks(parser, wire.toByteArray(), random);
            parser.end();

            assertThat(seen.seen)
                    .as("stream %d of seed %d (rerun with -Dherald.seed=%d)", stream, seed, seed)
                    .isEqualTo(expected);
            assertThat(parser.lastEventId()).as("seed %d", seed).isEqualTo(lastEventId);
        }
    }

    @Test
    void byteOrderMarkAtTheStartOfTheFirstPayloadSurvives() {
        // Only a U+FEFF that is the stream's first character is stripped, and an encoded stream always
        // starts with a field name or a colon, never with a payload.
        assertThat(roundTrip(SseEvent.message("\uFEFFx"))).isEqualTo(new SseParser.Event("message", "\uFEFFx", ""));
    }

    @Test
    void typeMessageAndNoTypeArriveAlike() {
        assertThat(roundTrip(SseEvent.message("message", "x"))).isEqualTo(roundTrip(SseEvent.message("x")));
    }

    @Test
    void unpairedSurrogateInDataArrivesAsReplacementCharacter() {
        // A lone surrogate is not text UTF-8 can carry; the encoder writes U+FFFD, as a browser would.
        assertThat(roundTrip(SseEvent.message("a\uD83Db\uDE00")))
                .isEqualTo(new SseParser.Event("message", "a\uFFFDb\uFFFD", ""));
    }

    private static SseParser.Event roundTrip(SseEvent.Message message) {
        RecordingListener seen = new RecordingListener();
        SseParser parser = new SseParser(seen);
        parser.feed(SseEncoder.encode(message));
        parser.end();
        assertThat(seen.seen).hasSize(1);
        return (SseParser.Event) seen.seen.getFirst();
    }

    private static SseEvent randomEvent(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return SseEvent.comment(randomText(random, piece -> piece.indexOf('\r') < 0 && piece.indexOf('\n') < 0));
        }
        if (kind == 1) {
            return SseEvent.retry(Duration.ofMillis(random.nextInt(1_000_000)));
        }
        String id = random.nextBoolean() ? null
                : randomText(random, piece -> piece.indexOf('\r') < 0 && piece.indexOf('\n') < 0 && piece.indexOf('\0') < 0);
        String type = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "message";
            default -> {
                String text = randomText(random, piece -> piece.indexOf('\r') < 0 && piece.indexOf('\n') < 0);
                yield text.isEmpty() ? "t" : text;
            }
        };
        return SseEvent.message(id, type, randomText(random, piece -> true));
    }

    private static String randomText(Random random, Predicate<String> allowed) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        while (pieces > 0) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            if (allowed.test(piece)) {
                text.append(piece);
                pieces--;
            }
        }
        return text.toString();
    }

    private static void feedInRandomChunks(SseParser parser, byte[] wire, Random random) {
        for (int off = 0; off < wire.length; ) {
            // Mostly small chunks, so splits land everywhere; sometimes past the parser's internal slice.
            int size = random.nextInt(10) == 0 ? 1 + random.nextInt(2000) : 1 + random.nextInt(8);
            int len = Math.min(size, wire.length - off);
            parser.feed(wire, off, len);
            off += len;
        }
    }

    private static String lineFeedsOnly(String data) {
        return data.replace("\r\n", "\n").replace('\r', '\n');
    }
}
