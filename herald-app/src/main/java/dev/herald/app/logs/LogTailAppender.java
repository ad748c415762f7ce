package dev.herald.app.logs;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.function.Consumer;

/**
 * The Logback appender that feeds the tail. It only turns the event into a {@link LogLine} and
 * hands it on: the consumer must queue without blocking, so logging never waits on the tail and
 * publishing (on another thread) can never re-enter it. No lock of its own (hence unsynchronized).
 */
final class LogTailAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);
    private final Consumer<LogLine> sink;

    LogTailAppender(Consumer<LogLine> sink) {
        this.sink = sink;
        setName("herald-log-tail");
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            text = text + "\n" + ThrowableProxyUtil.asString(thrown);
        }
        sink.accept(new LogLine(event.getInstant(), LogLevel.of(event.getLevel()),
                abbreviator.abbreviate(event.getLoggerName()), event.getThreadName(), text));
    }
}
