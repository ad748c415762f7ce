package dev.herald.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The app's routes, by path and method. A route's path is exact, or ends in one parameter
 * segment such as {@code /jobs/{id}/cancel}, which matches one non-empty segment there (read it
 * with {@link #parameter}); exact paths win. A path no route has gets 404; HEAD is answered
 * wherever GET is routed; a known path with another method gets 405 with an {@code Allow} header. Claims every request it sees, so it goes
 * last, after Herald's own endpoints.
 */
public final class Router extends Handler.Abstract {

    private static final String PARAMETER_ATTRIBUTE = Router.class.getName() + ".parameter";

    private final Map<String, Map<String, Endpoint>> routes;
    private final List<PathTemplate> templates;

    private final NotFoundPage notFoundPage; // null: 404s are plain text

    private Router(Map<String, Map<String, Endpoint>> routes, List<PathTemplate> templates, NotFoundPage notFoundPage) {
        this.routes = Map.copyOf(routes);
        this.templates = List.copyOf(templates);
        this.notFoundPage = notFoundPage;
    }

    /**
     * The value of the parameter segment of the route that matched {@code request}.
     *
     * @throws IllegalStateException when that route has no parameter segment
     */
    public static String parameter(Request request) {
        Object value = request.getAttribute(PARAMETER_ATTRIBUTE);
        if (value == null) {
            throw new IllegalStateException("the route of " + Request.getPathInContext(request) + " has no {parameter} segment");
        }
        return (String) value;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean handle(Request request, Response response, Callback completion) throws Exception {
        Callback callback = AccessLog.around(request, response, completion);
        String path = Request.getPathInContext(request);
        Map<String, Endpoint> byMethod = routes.get(path);
        for (int i = 0; byMethod == null && i < templates.size(); i++) {
            String value = templates.get(i).match(path);
            if (value != null) {
                request.setAttribute(PARAMETER_ATTRIBUTE, value);
                byMethod = routes.get(templates.get(i).pattern());
            }
        }
        if (byMethod == null) {
            notFound(request, response, callback, "No page at " + path);
            return true;
        }
        Endpoint endpoint = byMethod.get(request.getMethod());
        if (endpoint == null && HttpMethod.HEAD.is(request.getMethod())) {
            endpoint = byMethod.get("GET"); // Jetty writes the head of the GET's response, no body
        }
        if (endpoint == null) {
            List<String> allowed = allowed(byMethod);
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            Responses.text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not allowed on " + path + "; use " + String.join(" or ", allowed));
            return true;
        }
        try {
            endpoint.handle(request, response, callback);
        } catch (BadRequestException e) {
            Responses.text(response, callback, e.status(), e.getMessage());
        } catch (NotFoundException e) {
            notFound(request, response, callback, e.getMessage());
        }
        return true;
    }

    /**
     * 404: the page in the layout for a person's navigation (a GET or HEAD that htmx did not make),
     * the reason as one line of text for everything else (htmx shows it where the request's answer goes).
     */
    private void notFound(Request request, Response response, Callback callback, String reason) {
        boolean navigation = (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod()))
                && !request.getHeaders().contains("HX-Request");
        if (notFoundPage != null && navigation) {
            Responses.html(response, callback, HttpStatus.NOT_FOUND_404, notFoundPage.render(request, reason));
        } else {
            Responses.text(response, callback, HttpStatus.NOT_FOUND_404, reason);
        }
    }

    /** The methods a path answers: its routes', and HEAD wherever GET is routed (RFC 9110 §9.3.2). */
    private static List<String> allowed(Map<String, Endpoint> byMethod) {
        List<String> allowed = new ArrayList<>(byMethod.keySet());
        if (byMethod.containsKey("GET")) {
            allowed.add(allowed.indexOf("GET") + 1, "HEAD");
        }
        return allowed;
    }

    /** Collects routes; a path and method pair may be routed once. */
    public static final class Builder {
        private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
        private final List<PathTemplate> templates = new ArrayList<>();
        private NotFoundPage notFoundPage;

        private Builder() {
        }

        /** How a person's request for a missing page is answered (default: the reason as text). */
        public Builder notFoundPage(NotFoundPage page) {
            this.notFoundPage = java.util.Objects.requireNonNull(page, "page");
            return this;
        }

        public Builder get(String path, Endpoint endpoint) {
            return route("GET", path, endpoint);
        }

        public Builder post(String path, Endpoint endpoint) {
            return route("POST", path, endpoint);
        }

        private Builder route(String method, String path, Endpoint endpoint) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("route path must start with '/', was \"" + path + "\"");
            }
            PathTemplate template = PathTemplate.parse(path);
            if (template != null && !routes.containsKey(path)) {
                templates.add(template);
            }
            Endpoint previous = routes.computeIfAbsent(path, p -> new TreeMap<>()).putIfAbsent(method, endpoint);
            if (previous != null) {
                throw new IllegalArgumentException(method + " " + path + " is routed twice");
            }
            return this;
        }

        public Router build() {
            return new Router(routes, templates, notFoundPage);
        }
    }
}
