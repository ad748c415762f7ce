package bench.javalin;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Javalin as the bench's peer, the minimal broadcast of its SSE documentation: the clients of a
 * topic in a queue; GET /sub?topic=T joins it, POST /pub?topic=T sends the body to each client in
 * turn. On virtual threads. A comment on connect (so the response head is sent once the client is
 * registered) and every 15 s. No history: a reconnect replays nothing.
 */
public final class JavalinPeer {

    private static final ConcurrentHashMap<String, Queue<SseClient>> TOPICS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private JavalinPeer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getProperty("port", "8084"));
        Javalin app = Javalin.create(config -> config.useVirtualThreads = true);
        app.sse("/sub", client -> {
            Queue<SseClient> clients = clients(client.ctx().queryParam("topic"));
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendComment("");
        });
        app.post("/pub", ctx -> {
            String data = ctx.body();
            String id = Long.toString(IDS.incrementAndGet());
            for (SseClient client : clients(ctx.queryParam("topic"))) {
                client.sendEvent("message", data, id);
            }
        });
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(
                () -> TOPICS.values().forEach(q -> q.forEach(c -> c.sendComment(""))), 15, 15, TimeUnit.SECONDS);
        app.start("127.0.0.1", port);
    }

    private static Queue<SseClient> clients(String topic) {
        return TOPICS.computeIfAbsent(topic == null ? "bench" : topic, t -> new ConcurrentLinkedQueue<>());
    }
}
