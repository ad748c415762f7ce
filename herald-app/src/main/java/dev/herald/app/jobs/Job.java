package dev.herald.app.jobs;

import dev.herald.app.web.ByteSize;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A stored job: an uploaded file and the work done on it.
 *
 * @param stage      what the job is doing or did last, such as "Computing SHA-256"
 * @param percent    how far it got, 0-100
 * @param startedAt  when a worker took it, or {@code null} while queued
 * @param finishedAt when it ended, or {@code null} while live
 * @param result     what it found, or {@code null} unless done
 * @param error      why it failed, or {@code null}
 */
public record Job(long id, String fileName, long size, JobStatus status, String stage, int percent,
                  Instant createdAt, Instant startedAt, Instant finishedAt, JobResult result, String error) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The topic the job's progress is published to. */
    public String topic() {
        return topic(id);
    }

    static String topic(long id) {
        return TOPIC_PREFIX + id;
    }

    /** Every job's topic starts so. */
    static final String TOPIC_PREFIX = "job/";

    /** The job's page. */
    public String path() {
        return "/jobs/" + id;
    }

    public String createdAtText() {
        return SHOWN.format(createdAt);
    }

    /** The file size as a person reads it: {@code 812 B}, {@code 3.2 MiB}. */
    public String sizeText() {
        return ByteSize.text(size);
    }

    /** How long it ran, such as {@code 2.4 s}; empty until it ended. */
    public String durationText() {
        if (startedAt == null || finishedAt == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f s", (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    }
}
