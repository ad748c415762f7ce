package dev.herald.jetty;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.stream.EventStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The Mercure hub endpoint, {@value HeraldServer#HUB_PATH}: GET subscribes, POST publishes.
 * Blocking by design — each request runs on its own virtual thread.
 */
final class MercureHandler extends Handler.Abstract {

    private final Hub hub;
    private final PublisherAuth auth; // null: HTTP publishing is off
    private final int maxPublishBytes;
    private final Streams streams;

    MercureHandler(HeraldServer.Builder settings, Streams streams) {
        this.hub = settings.hub;
        this.auth = settings.publisherJwtKey == null ? null : new PublisherAuth(settings.publisherJwtKey);
        this.maxPublishBytes = settings.maxPublishBytes;
        this.streams = streams;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HeraldServer.HUB_PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        try {
            switch (request.getMethod()) {
                case "GET" -> subscribe(request, response, callback);
                case "POST" -> publish(request, response, callback);
                default -> {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                    throw new HttpProblem(405, request.getMethod() + " is not allowed here: GET subscribes, POST publishes");
                }
            }
        } catch (HttpProblem problem) {
            problem.writeTo(response, callback);
        } catch (HubClosedException e) {
            PlainText.respond(response, callback, 503, "the hub is shutting down");
        }
        return true;
    }

    private void subscribe(Request request, Response response, Callback callback) {
        SubscribeRequest subscribe = SubscribeRequest.from(request);
        EventStream stream = EventStream.of(subscribe.topics()).after(subscribe.lastEventId());
        streams.serve(request, response, callback, subscribe.routed() ? stream.routed() : stream);
    }

    private void publish(Request request, Response response, Callback callback) {
        if (auth == null) {
            throw new HttpProblem(403, "publishing over HTTP is off: the server has no publisher JWT key");
        }
        PublisherAuth.Permit permit = auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        PublishRequest publish = PublishRequest.from(readForm(request));
        permit.check(publish.topics());
        String id;
        try {
            id = hub.publish(publish.topics(), publish.message());
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        PlainText.respond(response, callback, 200, id);
    }

    private Fields readForm(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !MimeTypes.Type.FORM_ENCODED.is(MimeTypes.getContentTypeWithoutCharset(type))) {
            throw new HttpProblem(415, "publish with Content-Type: application/x-www-form-urlencoded");
        }
        try {
            // Mercure's fields plus one per topic: more fields than that cannot be a valid publish.
            return FormFields.getFields(request, Limits.MAX_TOPICS + 8, maxPublishBytes);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("the form body is larger than " + maxPublishBytes
                    + " bytes, has too many fields, or is not valid URL encoding");
        }
    }
}
