package dev.herald.app.chat;

import dev.herald.jetty.StreamListener;

/** Feeds presence from the server's streams: a stream on a room's presence topic is its user in the room. */
final class PresenceListener implements StreamListener {

    private final ChatService service;

    PresenceListener(ChatService service) {
        this.service = service;
    }

    @Override
    public void opened(Stream stream) {
        String user = Identity.fromCookie(stream.cookie(Identity.COOKIE));
        if (user != null) {
            stream.topics().forEach(topic -> ChatContracts.roomOfPresence(topic).ifPresent(room -> service.opened(room, user)));
        }
    }

    @Override
    public void closed(Stream stream) {
        String user = Identity.fromCookie(stream.cookie(Identity.COOKIE));
        if (user != null) {
            stream.topics().forEach(topic -> ChatContracts.roomOfPresence(topic).ifPresent(room -> service.closed(room, user)));
        }
    }
}
