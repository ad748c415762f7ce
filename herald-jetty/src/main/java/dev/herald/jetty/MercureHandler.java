package dev.herald.jetty;

import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.mercure.Mercure;
import dev.herald.mercure.MercureException;
import dev.herald.mercure.MercureRequest;
import dev.herald.mercure.Subscribe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The Mercure hub endpoint, {@value HeraldServer#HUB_PATH}: GET subscribes (HEAD answers a stream's
 * head and opens none), POST publishes, OPTIONS answers a CORS preflight; GET below {@value Mercure#SUBSCRIPTIONS_PATH} lists the active
 * subscriptions (when they are tracked). A thin
 * adapter: the protocol is {@link Mercure}'s; what is Jetty's here is reading the query, headers,
 * cookies and form, and writing the answer. Blocking by design — each request runs on its own
 * virtual thread.
 */
final class MercureHandler extends Handler.Abstract {

    private final Mercure mercure;
    private final int maxPublishBytes;
    private final Streams streams;

    MercureHandler(HeraldServer.Builder settings, Streams streams) {
        this.mercure = settings.mercure.build();
        this.maxPublishBytes = settings.maxPublishBytes;
        this.streams = streams;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean hub = HeraldServer.HUB_PATH.equals(path);
        boolean subscriptions = path.equals(Mercure.SUBSCRIPTIONS_PATH) || path.startsWith(Mercure.SUBSCRIPTIONS_PATH + "/");
        if (request.getHttpURI().hasViolation(UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR) && !subscriptions) {
            // Allowed by the connector for the subscriptions API's selectors only (Connectors); elsewhere, Jetty's default.
            PlainText.respond(response, callback, 400, "an encoded / (%2F) in a path is ambiguous");
            return true;
        }
        if (!hub && !subscriptions) {
            return false;
        }
        MercureRequest mercureRequest = new JettyMercureRequest(request);
        try {
            mercure.corsHeaders(mercureRequest).forEach(response.getHeaders()::put);
            switch (request.getMethod()) {
                case "GET", "HEAD" -> {
                    if (!hub) {
                        // Jetty leaves the body out of a HEAD's answer.
                        Mercure.Document listing = mercure.subscriptions(mercureRequest, request.getHttpURI().getPath());
                        listing.headers().forEach(response.getHeaders()::put);
                        response.setStatus(200);
                        Content.Sink.write(response, true, listing.json(), callback);
                    } else if (request.getMethod().equals("HEAD")) {
                        // Refused for what a GET would be refused for; else the stream's head, and no stream.
                        mercure.subscribe(mercureRequest);
                        Streams.head(response, callback);
                    } else {
                        subscribe(request, response, callback);
                    }
                }
                case "POST" -> {
                    if (!hub) {
                        throw Mercure.methodNotAllowed("POST");
                    }
                    publish(request, response, callback);
                }
                case "OPTIONS" -> preflight(mercureRequest, response, callback);
                default -> throw Mercure.methodNotAllowed(request.getMethod());
            }
        } catch (MercureException refused) {
            PlainText.refuse(response, callback, refused);
        } catch (HubClosedException e) {
            PlainText.respond(response, callback, 503, "the hub is shutting down");
        } catch (HubUnavailableException e) {
            PlainText.respond(response, callback, 503, e.getMessage());
        }
        return true;
    }

    private void subscribe(Request request, Response response, Callback callback) {
        Subscribe subscribe = mercure.subscribe(new JettyMercureRequest(request));
        // Completed when the stream ends, however it ends (or at once, when the hub refuses it).
        Callback ending = Callback.from(mercure.track(subscribe), callback);
        streams.respond(request, response, ending, subscribe.stream(), subscribe::headers);
    }

    private void preflight(MercureRequest request, Response response, Callback callback) {
        mercure.preflight(request).forEach(response.getHeaders()::put);
        response.setStatus(204);
        response.write(true, null, callback);
    }

    private void publish(Request request, Response response, Callback callback) {
        String id = mercure.publish(new JettyMercureRequest(request), () -> readForm(request));
        PlainText.answer(response, callback, id);
    }

    private Map<String, List<String>> readForm(Request request) {
        Mercure.checkFormContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        try {
            return asMap(FormFields.getFields(request, Mercure.maxFormFields(), maxPublishBytes));
        } catch (IllegalStateException e) {
            throw Mercure.tooLarge(maxPublishBytes);
        } catch (RuntimeException e) {
            throw Mercure.badEncoding("the form body");
        }
    }

    private static Map<String, List<String>> asMap(Fields fields) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), field.getValues());
        }
        return map;
    }

    /** A Jetty request as {@link Mercure} reads it. */
    private record JettyMercureRequest(Request request) implements MercureRequest {

        @Override
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        /**
         * Decoded here, not with {@link Request#extractQueryParameters}: Jetty keeps what that parses
         * in the request's attributes (a map created for it), which a subscriber's request holds for
         * the stream's whole life — about 0.4 KiB of each idle connection.
         */
        @Override
        public Map<String, List<String>> query() {
            String query = request.getHttpURI().getQuery();
            if (query == null || query.isEmpty()) {
                return Map.of();
            }
            try {
                Map<String, List<String>> map = new LinkedHashMap<>();
                UrlEncoded.decodeTo(query, (name, value) -> map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value),
                        StandardCharsets.UTF_8);
                return map;
            } catch (RuntimeException e) {
                throw Mercure.badEncoding("the query string");
            }
        }

        @Override
        public String cookie(String name) {
            return RequestCookies.of(request).get(name);
        }
    }
}
