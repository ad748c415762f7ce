package dev.herald.jetty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code /assets/<path>} from the classpath, from the first root that holds
 * {@code <root><path>}: WebJars ({@code /assets/htmx.org/2.0.10/dist/htmx.min.js}) and the
 * application's own roots. Their paths carry versions, so responses are cached for a year as
 * immutable. Only files of the types below are served; anything else under {@code /assets/} is 404.
 */
final class AssetHandler extends Handler.Abstract {

    static final String PREFIX = "/assets/";

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private final ClassLoader loader = AssetHandler.class.getClassLoader();
    private final List<String> roots;
    // Bounded by the files under the roots on the classpath: a miss is never cached.
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    AssetHandler(List<String> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        String relative = path.substring(PREFIX.length());
        String type = contentType(relative);
        boolean head = "HEAD".equals(request.getMethod());
        Optional<byte[]> body = type == null || !safe(relative) || !(head || "GET".equals(request.getMethod()))
                ? Optional.empty()
                : load(relative);
        if (body.isEmpty()) {
            PlainText.respond(response, callback, 404, "no asset at " + path);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.get().length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body.get()).asReadOnlyBuffer(), callback);
        return true;
    }

    /** The Content-Type for a file name's extension, or null if it is not a type served here. */
    private static String contentType(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot < 0 || relative.indexOf('/', dot) >= 0 ? null : TYPES.get(relative.substring(dot + 1));
    }

    /** No way out of a root: no empty, {@code .} or {@code ..} segment, no backslash, no NUL. */
    private static boolean safe(String relative) {
        if (relative.contains("\\") || relative.contains("\0")) {
            return false;
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private Optional<byte[]> load(String relative) {
        byte[] cached = cache.get(relative);
        if (cached != null) {
            return Optional.of(cached);
        }
        for (String root : roots) {
            try (InputStream in = loader.getResourceAsStream(root + relative)) {
                if (in != null) {
                    byte[] bytes = in.readAllBytes();
                    cache.put(relative, bytes);
                    return Optional.of(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read asset " + root + relative, e);
            }
        }
        return Optional.empty();
    }
}
