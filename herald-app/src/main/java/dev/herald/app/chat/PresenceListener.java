package dev.herald.app.chat;

import dev.herald.jetty.StreamListener;

/**
 * Feeds presence from the server's streams: a stream on a room's presence topic is a page of its
 * user in the room, named by the page's own topic (see {@link ChatContracts#pageTopic}).
 */
final class PresenceListener implements StreamListener {

    private final ChatService service;

    PresenceListener(ChatService service) {
        this.service = service;
    }

    @Override
    public void opened(Stream stream) {
        String user = Identity.fromCookie(stream.cookie(Identity.COOKIE));
        if (user != null) {
            stream.topics().forEach(topic -> ChatContracts.roomOfPresence(topic)
                    .ifPresent(room -> service.opened(room, user, page(stream, room))));
        }
    }

    @Override
    public void closed(Stream stream) {
        String user = Identity.fromCookie(stream.cookie(Identity.COOKIE));
        if (user != null) {
            stream.topics().forEach(topic -> ChatContracts.roomOfPresence(topic)
                    .ifPresent(room -> service.closed(room, user, page(stream, room))));
        }
    }

    /**
     * The page's id from its page topic; a stream without one (another client) is a page of its own,
     * named by this node and the stream's id (unique on its node only).
     */
    private String page(Stream stream, long room) {
        return stream.topics().stream().map(topic -> ChatContracts.pageOf(topic, room)).flatMap(java.util.Optional::stream)
                .findFirst().orElse("stream-" + service.nodeId() + "-" + stream.id());
    }
}
