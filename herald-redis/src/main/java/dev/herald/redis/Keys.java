package dev.herald.redis;

/** The names of the Redis keys one log uses, all under one prefix so that logs can share a Redis. */
record Keys(String prefix) {

    String epoch() {
        return prefix + "epoch";
    }

    String sequence() {
        return prefix + "sequence";
    }

    /** Every entry, in position order: what every node tails. */
    String feed() {
        return prefix + "feed";
    }

    String topics() {
        return prefix + "topics";
    }

    String bytesPerTopic() {
        return prefix + "bytes";
    }

    String newestPerTopic() {
        return prefix + "newest";
    }

    String publisherIds() {
        return prefix + "ids";
    }

    String topic(String name) {
        return prefix + "topic:" + name;
    }
}
