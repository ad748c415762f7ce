package dev.herald.redis;

import dev.herald.hub.Publication;
import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A publication as the fields of a Redis stream entry, and back. One field per part, topics as
 * {@code t0}, {@code t1}, … (a stream entry's fields are pairs of strings, so no escaping is needed).
 */
final class EntryFields {

    private static final String DATA = "d";
    private static final String TYPE = "y";
    private static final String ID = "i";
    private static final String RETRY = "r";
    private static final String KEY = "k";
    private static final String PRIVATE = "x";
    private static final String TOPIC_COUNT = "n";
    private static final String TOPIC = "t";
    /** The epoch, on feed entries only. */
    static final String EPOCH = "E";

    private EntryFields() {
    }

    /** The field/value pairs of {@code publication}, in order. */
    static List<String> of(Publication publication) {
        SseEvent.Message message = publication.message();
        List<String> fields = new ArrayList<>();
        add(fields, DATA, message.data());
        add(fields, TYPE, message.type());
        add(fields, ID, message.id());
        add(fields, RETRY, publication.retry() == null ? null : Long.toString(publication.retry().toMillis()));
        add(fields, KEY, publication.conflationKey());
        add(fields, PRIVATE, publication.isPrivate() ? "1" : null);
        List<String> topics = List.copyOf(new java.util.LinkedHashSet<>(publication.topics()));
        add(fields, TOPIC_COUNT, Integer.toString(topics.size()));
        for (int i = 0; i < topics.size(); i++) {
            add(fields, TOPIC + i, topics.get(i));
        }
        return fields;
    }

    /** What the entry holds, in bytes: counted against a topic's byte bound. */
    static long size(List<String> fields) {
        long size = 0;
        for (String field : fields) {
            size += field.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    static Broker.Entry entry(String epoch, String streamId, Map<String, String> fields) {
        int count = Integer.parseInt(fields.get(TOPIC_COUNT));
        List<String> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(fields.get(TOPIC + i));
        }
        Publication publication = Publication.of(topics, SseEvent.message(fields.get(ID), fields.get(TYPE), fields.get(DATA)));
        if (fields.containsKey(RETRY)) {
            publication = publication.retry(Duration.ofMillis(Long.parseLong(fields.get(RETRY))));
        }
        if (fields.containsKey(KEY)) {
            publication = publication.conflatingOn(fields.get(KEY));
        }
        if (fields.containsKey(PRIVATE)) {
            publication = publication.privately();
        }
        return new Broker.Entry(epoch, position(streamId), publication);
    }

    /** The position a stream entry id {@code <position>-0} stands for. */
    static long position(String streamId) {
        return Long.parseLong(streamId, 0, streamId.indexOf('-'), 10);
    }

    private static void add(List<String> fields, String name, String value) {
        if (value != null) {
            fields.add(name);
            fields.add(value);
        }
    }
}
