package dev.herald.app.chat;

import dev.herald.app.db.Section;
import dev.herald.app.node.Node;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.Rerender;
import dev.herald.htmx.Swap;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms, messages and presence, each change published to its topic.
 *
 * <p><b>No render/subscribe race</b>, on any number of nodes. As in notifications: every change (a
 * room, a message, a user joining or leaving) is stored and published in a write of the
 * {@link Section} {@value #SECTION}; a page or a gap re-render reads the hub position and then the
 * state in a read of it. Resuming from that position, a page loses nothing and shows nothing twice.
 *
 * <p><b>Presence</b> is in the database too ({@link PresenceRepository}), so a room lists its users
 * on every node; each open page is held by the node serving its stream, and the users of a node that
 * is gone are unlisted by another node ({@link #orphaned}).
 */
public final class ChatService implements SnapshotSource, Node.Watcher {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    /** Newest messages a room page shows. */
    static final int HISTORY_LIMIT = 100;

    /** The name of the chat's {@link Section}. */
    static final String SECTION = "chat";

    private final Section section;
    private final Node node;
    private final ChatRepository repository;
    private final PresenceRepository presence;
    private final ChatViews views;
    private final Hub hub;
    private final Htmx htmx;
    private final Clock clock;
    private final Duration presenceGrace;

    ChatService(Section section, Node node, ChatRepository repository, PresenceRepository presence, ChatViews views, Hub hub,
                Htmx htmx, Clock clock, Duration presenceGrace) {
        this.section = section;
        this.node = node;
        this.repository = repository;
        this.presence = presence;
        this.views = views;
        this.hub = hub;
        this.htmx = htmx;
        this.clock = clock;
        this.presenceGrace = presenceGrace;
    }

    /** Creates a room and publishes it; empty when the name is taken. */
    Optional<Room> createRoom(String name) {
        return section.write(() -> {
            Optional<Room> room = repository.createRoom(name, clock.instant());
            room.ifPresent(r -> htmx.publish(ChatContracts.ROOMS_TOPIC, ChatContracts.ROOMS.event(views.roomItem(r))));
            return room;
        });
    }

    /** Stores a message and publishes it to the room. */
    Message post(Room room, String author, String body) {
        return section.write(() -> {
            Message message = repository.insertMessage(room.id(), author, body, clock.instant());
            htmx.publish(ChatContracts.roomTopic(room.id()), ChatContracts.MESSAGES.event(views.message(message)));
            return message;
        });
    }

    Optional<Room> room(long id) {
        return repository.room(id);
    }

    /** The front page as of now. */
    ChatIndex index(String user, String back) {
        return section.read(() -> {
            String position = hub.position();
            return new ChatIndex(position, repository.rooms(), user, back);
        });
    }

    /** A room's page as of now. */
    RoomPage page(Room room, String user) {
        return section.read(() -> {
            String position = hub.position();
            return new RoomPage(room, position, repository.newest(room.id(), HISTORY_LIMIT), presence.list(room.id()), user);
        });
    }

    /** A page of {@code user} opened the room (its stream on the room's presence topic did). */
    void opened(long room, String user, String page) {
        section.write(() -> {
            if (presence.open(room, user, page, node.id())) {
                publishPresence(room);
            }
        });
    }

    /**
     * A page of {@code user} left the room (its leave beacon came, or its stream ended; the second
     * to come changes nothing): after the grace, they may leave.
     */
    void closed(long room, String user, String page) {
        boolean last = section.write(() -> presence.close(room, user, page, node.id(), clock.millis()));
        if (last) {
            Thread.ofVirtual().name("chat-presence-grace").start(() -> expireAfterGrace(room, user));
        }
    }

    @Override
    public Optional<Snapshot> snapshot(String topic) {
        return section.read(() -> {
            String position = hub.position();
            Optional<Fragment> region;
            if (topic.equals(ChatContracts.ROOMS_TOPIC)) {
                region = Optional.of(Fragment.of(views.roomItems(repository.rooms()), ChatContracts.ROOMS.target(), Swap.INNER_HTML));
            } else {
                region = ChatContracts.roomOfPresence(topic)
                        .map(room -> Fragment.of(views.presence(presence.list(room)), ChatContracts.PRESENCE.target(), Swap.INNER_HTML))
                        .or(() -> ChatContracts.roomOfMessages(topic).map(room -> Fragment.of(
                                views.messages(repository.newest(room, HISTORY_LIMIT)), ChatContracts.MESSAGES.target(), Swap.INNER_HTML)));
            }
            return region.map(fragment -> Rerender.snapshot(position, List.of(fragment)));
        });
    }

    private void expireAfterGrace(long room, String user) {
        try {
            Thread.sleep(presenceGrace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            section.write(() -> {
                if (presence.expire(room, user, clock.millis() - presenceGrace.toMillis())) {
                    publishPresence(room);
                }
            });
        } catch (RuntimeException e) {
            // The app is stopping (or the database or Redis is away): the row stays held by this
            // node, and another node unlists the user once this one is gone.
            log.info("Presence of {} in room {} not expired now: {}", user, room, e.toString());
        }
    }

    /** Unlists the users of the pages of nodes that are gone, and tells their rooms. */
    @Override
    public void orphaned() {
        if (presence.hasOrphans()) {
            section.write(() -> presence.removeOrphans().forEach(this::publishPresence));
        }
    }

    /** This node's id, for pages without a page id of their own: a stream's id is unique on its node only. */
    String nodeId() {
        return node.id();
    }

    private void publishPresence(long room) {
        htmx.publish(ChatContracts.presenceTopic(room), ChatContracts.PRESENCE.event(views.presence(presence.list(room))));
    }
}
