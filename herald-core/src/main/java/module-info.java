/**
 * Herald's core, on the JDK alone: server-sent events as values ({@code dev.herald.sse}), the hub
 * ({@code dev.herald.hub}), the shared log a hub of several nodes runs on ({@code dev.herald.hub.spi})
 * and the writing of event streams that server bindings plug into ({@code dev.herald.stream}).
 * Implementations are package-private inside these packages; all four are API.
 */
module dev.herald.core {
    exports dev.herald.sse;
    exports dev.herald.hub;
    exports dev.herald.hub.spi;
    exports dev.herald.stream;
}
