package dev.herald.app.jobs;

/**
 * Holds a reader to a rate: after each chunk, sleeps until the bytes read so far are due. One
 * per job run; not thread-safe.
 */
final class ReadPacer {

    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long bytesRead;

    /** @param bytesPerSecond the rate, or 0 for no limit */
    ReadPacer(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be 0 (unlimited) or more, was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Counts {@code bytes} read and waits until they are due at the rate. */
    void read(int bytes) throws InterruptedException {
        bytesRead += bytes;
        if (bytesPerSecond == 0) {
            return;
        }
        long dueNanos = (long) (bytesRead * 1e9 / bytesPerSecond);
        long aheadNanos = dueNanos - (System.nanoTime() - startNanos);
        if (aheadNanos > 0) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }
}
