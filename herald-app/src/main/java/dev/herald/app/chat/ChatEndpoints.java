package dev.herald.app.chat;

import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.BadRequestException;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Forms;
import dev.herald.app.web.NotFoundException;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.jetty.StreamListener;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The chat over HTTP: {@code GET /chat} (rooms, or a name first), {@code POST /chat/name},
 * {@code POST /chat/rooms}, {@code GET /chat/room?id=}, {@code POST /chat/messages}. Forms answer
 * with themselves, fresh or with the reason they were refused; what they changed reaches every page,
 * the sender's included, through the stream.
 */
public final class ChatEndpoints {

    static final int MAX_ROOM_NAME_LENGTH = 60;
    static final int MAX_MESSAGE_LENGTH = 5000;

    private final ChatService service;
    private final ChatViews views;
    private final Htmx htmx;
    private final NotificationService notifications;

    private ChatEndpoints(ChatService service, ChatViews views, Htmx htmx, NotificationService notifications) {
        this.service = service;
        this.views = views;
        this.htmx = htmx;
        this.notifications = notifications;
    }

    public static ChatEndpoints create(Database database, Node node, Hub hub, Htmx htmx, JteRenderer templates, Clock clock,
                                       Duration presenceGrace, NotificationService notifications) {
        ChatViews views = new ChatViews(templates);
        ChatService service = new ChatService(database.section(ChatService.SECTION), node, new ChatRepository(database),
                new PresenceRepository(database), views, hub, htmx, clock, presenceGrace);
        return new ChatEndpoints(service, views, htmx, notifications);
    }

    /** The gap re-render of the chat's topics. */
    public ChatService service() {
        return service;
    }

    /** What the node has the chat do: unlist the users of gone nodes. */
    public Node.Watcher watcher() {
        return service;
    }

    /** Presence: tell the server's streams to this. */
    public StreamListener presence() {
        return new PresenceListener(service);
    }

    public Router.Builder routes(Router.Builder router) {
        return router
                .get("/chat", this::index)
                .post("/chat/name", this::name)
                .post("/chat/rooms", this::createRoom)
                .get("/chat/room", this::room)
                .post("/chat/messages", this::post)
                .post("/chat/leave", this::leave);
    }

    private void index(Request request, Response response, Callback callback) {
        String back = Forms.query(request).getValue("back");
        ChatIndex index = service.index(Identity.of(request), back != null && back.startsWith("/chat/") ? back : "/chat");
        int unread = notifications.unreadCount(); // after the position: see Unread
        PageStream stream = htmx.page(Dialects.of(request, htmx), index.position(),
                List.of(ChatContracts.ROOMS_TOPIC, Unread.TOPIC), List.of(ChatContracts.ROOMS, Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200, views.index(index, stream, unread));
    }

    /** A plain form post: sets the identity cookie and sends the browser back to where it was. */
    private void name(Request request, Response response, Callback callback) {
        Fields form = Forms.read(request);
        String name = form.getValue("name");
        String error = Identity.check(name);
        if (error != null) {
            throw new BadRequestException(error, null);
        }
        Response.addCookie(response, Identity.cookie(name, request.isSecure()));
        String back = form.getValue("back");
        Responses.seeOther(response, callback, back != null && back.startsWith("/chat/") ? back : "/chat");
    }

    private void createRoom(Request request, Response response, Callback callback) {
        requireUser(request);
        String name = Forms.read(request).getValue("name");
        String stripped = name == null ? "" : name.strip();
        String error = stripped.isEmpty() ? "A room needs a name."
                : stripped.length() > MAX_ROOM_NAME_LENGTH ? "A room name has at most " + MAX_ROOM_NAME_LENGTH + " characters."
                : stripped.chars().anyMatch(Character::isISOControl) ? "A room name cannot contain control characters."
                : service.createRoom(stripped).isEmpty() ? "There is a room of that name already." : null;
        Responses.html(response, callback, error == null ? HttpStatus.CREATED_201 : HttpStatus.BAD_REQUEST_400,
                views.roomForm(error == null ? "" : stripped, error));
    }

    private void room(Request request, Response response, Callback callback) {
        Room room = room(Forms.query(request).getValue("id"));
        String user = Identity.of(request);
        if (user == null) {
            Responses.seeOther(response, callback, "/chat?back=" + URLEncoder.encode(room.url(), StandardCharsets.UTF_8));
            return;
        }
        RoomPage page = service.page(room, user);
        int unread = notifications.unreadCount();
        String pageId = PageId.generate();
        PageStream stream = htmx.page(Dialects.of(request, htmx), page.position(),
                List.of(ChatContracts.roomTopic(room.id()), ChatContracts.presenceTopic(room.id()), Unread.TOPIC,
                        ChatContracts.pageTopic(room.id(), pageId)),
                List.of(ChatContracts.MESSAGES, ChatContracts.PRESENCE, Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200, views.room(page, stream, unread,
                "/chat/leave?room=" + room.id() + "&page=" + pageId));
    }

    /**
     * A room page's leave beacon ({@code navigator.sendBeacon} on {@code pagehide}): the page has
     * left, now rather than when the server notices its stream ended (on HTTP/1.1 that can take
     * two heartbeats). 204; 400 for a page id of the wrong shape.
     */
    private void leave(Request request, Response response, Callback callback) {
        Fields query = Forms.query(request);
        Room room = room(query.getValue("room"));
        String page = query.getValue("page");
        if (!PageId.valid(page)) {
            throw new BadRequestException("A page id is 16 hex digits.", null);
        }
        service.closed(room.id(), requireUser(request), page);
        Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
    }

    private void post(Request request, Response response, Callback callback) {
        String user = requireUser(request);
        Fields form = Forms.read(request);
        Room room = room(form.getValue("room"));
        String body = form.getValue("body") == null ? "" : form.getValue("body");
        String error = body.isBlank() ? "Write a message first."
                : body.length() > MAX_MESSAGE_LENGTH ? "A message has at most " + MAX_MESSAGE_LENGTH + " characters." : null;
        if (error == null) {
            service.post(room, user, body.stripTrailing());
        }
        Responses.html(response, callback, error == null ? HttpStatus.CREATED_201 : HttpStatus.BAD_REQUEST_400,
                views.composer(room, error == null ? "" : body, error));
    }

    private Room room(String id) {
        try {
            return service.room(Long.parseLong(id == null ? "" : id))
                    .orElseThrow(() -> new NotFoundException("No room " + id));
        } catch (NumberFormatException e) {
            throw new BadRequestException("A room id is a number.", e);
        }
    }

    private static String requireUser(Request request) {
        String user = Identity.of(request);
        if (user == null) {
            throw new BadRequestException("Choose a name first (GET /chat).", null);
        }
        return user;
    }
}
