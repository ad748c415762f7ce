package dev.herald.jetty;

import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Puts the {@link SecurityHeaders} on every response before any handler writes it. */
final class SecureResponses extends Handler.Wrapper {

    private final HttpField[] fields;

    SecureResponses(SecurityHeaders headers, Handler handler) {
        super(handler);
        this.fields = headers.headers().entrySet().stream()
                .map((Map.Entry<String, String> header) -> new HttpField(header.getKey(), header.getValue()))
                .toArray(HttpField[]::new);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        putHeaders(response);
        return super.handle(request, response, callback);
    }

    /** Puts the headers on {@code response}: also for the errors Jetty answers outside any handler ({@link PlainErrors}). */
    void putHeaders(Response response) {
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : fields) {
            headers.put(field);
        }
    }
}
