package dev.herald.testing;

import dev.herald.sse.SseEvent;
import dev.herald.sse.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@code text/event-stream} with {@link SseParser} on a virtual thread and lets a test
 * await what arrives, in order, as {@link SseEvent}s: each valid {@code retry} as a
 * {@link SseEvent.Retry}, each comment as a {@link SseEvent.Comment}, each dispatched event as a
 * {@link SseEvent.Message} the way a browser sees it — its id is the stream's last event id at
 * dispatch ({@code null} while there is none), its type {@code null} for {@code message}.
 *
 * <pre>{@code
 * try (SseRecorder events = SseRecorder.connect(client, uri)) {
 *     assertThat(events.nextMessage().data()).isEqualTo("hello");
 * }
 * }</pre>
 *
 * <p>Every await gives up after {@link #TIMEOUT} with an {@link AssertionError}: an upper bound for
 * a test that would otherwise hang, never a measure of speed.
 */
public final class SseRecorder implements AutoCloseable {

    /** How long any await waits before failing the test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Object END = new Object();

    private final InputStream body;
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseRecorder(InputStream body, HttpResponse<InputStream> response) {
        this.body = body;
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-recorder").start(this::read);
    }

    /** GETs {@code uri} as an event stream and records it; returns once the headers are in. */
    public static SseRecorder connect(HttpClient client, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    /**
     * Sends {@code request} (a POST whose response is an event stream, say) and records the
     * response body as a stream, whatever its status; returns once the headers are in.
     */
    public static SseRecorder send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new SseRecorder(response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + request.uri(), e);
        }
    }

    /** Records an event stream that some other client opened. */
    public static SseRecorder read(InputStream body) {
        return new SseRecorder(body, null);
    }

    /** The response, when this recorder connected itself; {@code null} after {@link #read}. */
    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next thing that arrived: a message, a comment or a retry. */
    public SseEvent next() {
        Object item = poll();
        if (item == END) {
            throw new AssertionError("the stream ended; expected another event");
        }
        return (SseEvent) item;
    }

    /** The next message, skipping comments and retries. */
    public SseEvent.Message nextMessage() {
        while (true) {
            if (next() instanceof SseEvent.Message message) {
                return message;
            }
        }
    }

    /** The next comment, skipping messages and retries. */
    public SseEvent.Comment nextComment() {
        while (true) {
            if (next() instanceof SseEvent.Comment comment) {
                return comment;
            }
        }
    }

    /** Waits for the end of the stream, skipping comments; fails if a message or retry comes first. */
    public void awaitEnd() {
        while (true) {
            Object item = poll();
            if (item == END) {
                return;
            }
            if (!(item instanceof SseEvent.Comment)) {
                throw new AssertionError("expected the end of the stream, got " + item);
            }
        }
    }

    /**
     * The messages that arrive until the stream ends, skipping comments and retries: for a stream
     * the server ends while events go on (its lifetime bound, say).
     */
    public List<SseEvent.Message> messagesUntilEnd() {
        List<SseEvent.Message> messages = new ArrayList<>();
        for (Object item = poll(); item != END; item = poll()) {
            if (item instanceof SseEvent.Message message) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** Closes the body, as a client that goes away does. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // Already broken: closed is what we wanted.
        }
        reader.interrupt();
    }

    private Object poll() {
        try {
            Object item = arrived.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived on the stream within " + TIMEOUT);
            }
            if (item == END) {
                arrived.add(END); // stays ended for later calls
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting an event", e);
        }
    }

    private void read() {
        SseParser parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseParser.Event event) {
                String id = event.lastEventId().isEmpty() ? null : event.lastEventId();
                String type = event.type().equals("message") ? null : event.type();
                arrived.add(SseEvent.message(id, type, event.data()));
            }

            @Override
            public void onComment(String text) {
                arrived.add(SseEvent.comment(text));
            }

            @Override
            public void onRetry(long millis) {
                arrived.add(new SseEvent.Retry(millis));
            }
        });
        byte[] buffer = new byte[8192];
        try (body) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                parser.feed(buffer, 0, n);
            }
            parser.end();
        } catch (IOException e) {
            // The stream broke: for a recorder that is its end.
        } finally {
            arrived.add(END);
        }
    }
}
