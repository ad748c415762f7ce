package example;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The app's two routes, as a Jetty handler: HeraldServer serves the hub and the scripts itself. */
final class Routes extends Handler.Abstract {
    private final App app;

    Routes(App app) {
        this.app = app;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String route = request.getMethod() + " " + Request.getPathInContext(request);
        switch (route) {
            case "GET /" -> {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                Content.Sink.write(response, true, app.page(), callback);
            }
            case "POST /notifications" -> {
                String text = FormFields.getFields(request).getValue("text");
                if (text == null || text.isBlank()) {
                    Response.writeError(request, response, callback, 400, "text is required");
                } else {
                    app.post(text.strip());
                    response.setStatus(204);
                    callback.succeeded();
                }
            }
            default -> {
                return false; // HeraldServer answers 404
            }
        }
        return true;
    }
}
