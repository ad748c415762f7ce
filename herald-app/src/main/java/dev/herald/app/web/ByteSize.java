package dev.herald.app.web;

import java.util.Locale;

/** Byte counts as a person reads them: {@code 812 B}, {@code 3.2 MiB} (binary units). */
public final class ByteSize {

    private ByteSize() {
    }

    public static String text(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / (double) (1L << (unit * 10)), "BKMGTPE".charAt(unit));
    }
}
