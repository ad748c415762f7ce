/** A broker on Redis Streams (Lettuce), for a hub of several nodes. */
module dev.herald.redis {
    requires transitive dev.herald.core;
    requires lettuce.core;
    requires org.slf4j;

    exports dev.herald.redis;
}
