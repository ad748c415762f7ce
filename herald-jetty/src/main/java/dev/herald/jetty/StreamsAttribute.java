package dev.herald.jetty;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Gives every request the server's {@link Streams}, so the application's handlers can stream. */
final class StreamsAttribute extends Handler.Wrapper {

    private final Streams streams;

    StreamsAttribute(Streams streams, Handler handler) {
        super(handler);
        this.streams = streams;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        request.setAttribute(Streams.ATTRIBUTE, streams);
        return super.handle(request, response, callback);
    }
}
