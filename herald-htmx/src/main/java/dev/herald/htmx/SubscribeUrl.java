package dev.herald.htmx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The URL a page subscribes with ({@code sse-connect}): the hub path, its topics and the position
 * its content was rendered at.
 *
 * <p>The position travels as the {@code lastEventID} query parameter: a first connection has no
 * {@code Last-Event-ID} header, and the htmx 2 SSE extension's own reconnect sends none either
 * (htmx-extensions #184; {@code herald-sse.js} keeps the parameter current instead).
 */
public final class SubscribeUrl {

    /** Where the hub subscribes and publishes: the Mercure protocol's well-known path. */
    public static final String HUB_PATH = "/.well-known/mercure";

    private SubscribeUrl() {
    }

    /**
     * {@code /.well-known/mercure?topic=…&lastEventID=…}, every value URL-encoded.
     *
     * @param topics      one or more topics
     * @param lastEventId the position to resume after (such as {@code Hub.position()}), or
     *                    {@code null} for live events only
     */
    public static String of(Collection<String> topics, String lastEventId) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one topic");
        }
        StringBuilder url = new StringBuilder(HUB_PATH);
        char separator = '?';
        for (String topic : topics) {
            url.append(separator).append("topic=").append(encode(topic));
            separator = '&';
        }
        if (lastEventId != null) {
            url.append("&lastEventID=").append(encode(lastEventId));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
