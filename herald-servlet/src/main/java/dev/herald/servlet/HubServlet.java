package dev.herald.servlet;

import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.mercure.Mercure;
import dev.herald.mercure.MercureException;
import dev.herald.mercure.MercureRequest;
import dev.herald.mercure.Subscribe;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Mercure hub endpoint as a servlet: GET subscribes (HEAD answers a stream's head and opens
 * none), POST publishes, OPTIONS answers a CORS preflight, any other method is 405; a hub shutting down or whose shared log is unreachable is 503
 * with the reason in one line. A thin adapter, as herald-jetty's is: the protocol (parameters, versions, authorization, limits) is
 * {@link Mercure}'s, the stream {@link ServletStreams}'; what is the container's here is reading the
 * query, headers, cookies and form, and writing the answer. Mapped (asynchronous) at the hub path.
 */
final class HubServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Mercure mercure;
    private final transient ServletStreams streams;
    private final int maxPublishBytes;

    HubServlet(Mercure mercure, ServletStreams streams, int maxPublishBytes) {
        this.mercure = mercure;
        this.streams = streams;
        this.maxPublishBytes = maxPublishBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        MercureRequest mercureRequest = new ServletMercureRequest(request);
        try {
            mercure.corsHeaders(mercureRequest).forEach(response::setHeader);
            switch (request.getMethod()) {
                case "GET" -> {
                    Subscribe subscribe = mercure.subscribe(mercureRequest);
                    streams.serve(request, response, subscribe.stream(), subscribe::headers, mercure.track(subscribe));
                }
                case "HEAD" -> {
                    // Refused for what a GET would be refused for; else the stream's head, and no stream.
                    mercure.subscribe(mercureRequest);
                    response.setStatus(200);
                    ServletStreams.putStreamHeaders(response);
                }
                case "POST" -> PlainText.answer(response, mercure.publish(mercureRequest, () -> readForm(request)));
                case "OPTIONS" -> {
                    mercure.preflight(mercureRequest).forEach(response::setHeader);
                    response.setStatus(204);
                }
                default -> throw Mercure.methodNotAllowed(request.getMethod());
            }
        } catch (MercureException refused) {
            refused.headers().forEach(response::setHeader);
            PlainText.respond(response, refused.status(), refused.reason());
        } catch (HubClosedException e) {
            PlainText.respond(response, 503, "the hub is shutting down");
        } catch (HubUnavailableException e) {
            PlainText.respond(response, 503, e.getMessage());
        }
    }

    /** The publish form: its media type checked, its body bounded (413 past the bound). */
    private Map<String, List<String>> readForm(HttpServletRequest request) {
        Mercure.checkFormContentType(request.getContentType());
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxPublishBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxPublishBytes) {
            throw Mercure.tooLarge(maxPublishBytes);
        }
        try {
            return UrlEncoded.parse(new String(body, StandardCharsets.ISO_8859_1), Mercure.maxFormFields(), "the form body");
        } catch (IllegalStateException tooManyFields) {
            throw Mercure.tooLarge(maxPublishBytes);
        }
    }

    /** A servlet request as {@link Mercure} reads it. */
    private record ServletMercureRequest(HttpServletRequest request) implements MercureRequest {

        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public Map<String, List<String>> query() {
            String query = request.getQueryString();
            return query == null ? Map.of() : UrlEncoded.parse(query, Integer.MAX_VALUE, "the query string");
        }

        @Override
        public String cookie(String name) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (cookie.getName().equals(name)) {
                        return cookie.getValue();
                    }
                }
            }
            return null;
        }
    }
}
