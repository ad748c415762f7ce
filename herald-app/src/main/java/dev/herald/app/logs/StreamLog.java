package dev.herald.app.logs;

import dev.herald.jetty.StreamListener;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every stream opening and ending at INFO, so the log tail shows the app's connections. */
public final class StreamLog implements StreamListener {

    private static final Logger log = LoggerFactory.getLogger("dev.herald.app.streams");

    @Override
    public void opened(Stream stream) {
        log.info("Stream {} opened: {}", stream.id(), new TreeSet<>(stream.topics()));
    }

    @Override
    public void closed(Stream stream) {
        log.info("Stream {} closed", stream.id());
    }
}
