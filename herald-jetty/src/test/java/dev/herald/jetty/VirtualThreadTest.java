package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class VirtualThreadTest {

    @Test
    void handlersRunOnVirtualThreads() {
        Handler reportsItsThread = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Sink.write(response, true, "virtual=" + Thread.currentThread().isVirtual(), callback);
                return true;
            }
        };
        try (TestServer server = new TestServer(s -> s.handler(reportsItsThread))) {
            assertThat(server.get(server.server.uri().resolve("/anything")).body()).isEqualTo("virtual=true");
        }
    }
}
