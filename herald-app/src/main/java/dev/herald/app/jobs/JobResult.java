package dev.herald.app.jobs;

import java.util.Locale;

/**
 * What a job found out about its file.
 *
 * @param sha256    the file's SHA-256, lower-case hex
 * @param lines     line feeds in the file (as {@code wc -l} counts)
 * @param words     runs of non-blank bytes (as {@code wc -w} counts them in ASCII)
 * @param gzipBytes the file's size once gzipped
 */
public record JobResult(String sha256, long lines, long words, long gzipBytes) {

    /** The gzipped size as a share of the original, such as {@code 31.4 %}; {@code size} in bytes. */
    public String gzipRatioText(long size) {
        return size == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * gzipBytes / size);
    }
}
