package dev.herald.app.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * The work a job does on its file: three stages, each a pass over the file in chunks — SHA-256,
 * line and word counts, gzip size. Between chunks it reports progress and checks whether it was
 * cancelled; so cancelling takes effect within one chunk.
 */
final class FileAnalysis {

    /** The stages, in order; {@link #label} is what a page shows. */
    enum Stage {
        HASHING("Computing SHA-256"),
        COUNTING("Counting lines and words"),
        COMPRESSING("Measuring the gzip ratio");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** Told of progress after every chunk, on the working thread. */
    @FunctionalInterface
    interface Listener {
        void progressed(Stage stage, int percent);
    }

    static final int CHUNK_BYTES = 64 * 1024;

    private final long readBytesPerSecond;

    /** @param readBytesPerSecond how fast to read the file, 0 for as fast as it goes */
    FileAnalysis(long readBytesPerSecond) {
        this.readBytesPerSecond = readBytesPerSecond;
    }

    /**
     * Runs every stage over {@code file}.
     *
     * @throws CancellationException when {@code cancelled} turned true between two chunks
     */
    JobResult run(Path file, Listener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        long size = Files.size(file);
        ReadPacer pacer = new ReadPacer(readBytesPerSecond);
        MessageDigest sha256 = sha256();
        pass(file, size, Stage.HASHING, listener, cancelled, pacer, (chunk, n) -> sha256.update(chunk, 0, n));

        long[] counts = new long[2]; // lines, words
        boolean[] inWord = new boolean[1];
        pass(file, size, Stage.COUNTING, listener, cancelled, pacer, (chunk, n) -> {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                boolean blank = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
                if (b == '\n') {
                    counts[0]++;
                }
                if (!blank && !inWord[0]) {
                    counts[1]++;
                }
                inWord[0] = !blank;
            }
        });

        CountingSink sink = new CountingSink();
        try (GZIPOutputStream gzip = new GZIPOutputStream(sink, CHUNK_BYTES)) {
            pass(file, size, Stage.COMPRESSING, listener, cancelled, pacer, (chunk, n) -> gzip.write(chunk, 0, n));
        }
        return new JobResult(HexFormat.of().formatHex(sha256.digest()), counts[0], counts[1], sink.count);
    }

    private interface ChunkWork {
        void accept(byte[] chunk, int length) throws IOException;
    }

    private static void pass(Path file, long size, Stage stage, Listener listener, BooleanSupplier cancelled,
                             ReadPacer pacer, ChunkWork work) throws IOException, InterruptedException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long done = 0;
        listener.progressed(stage, percent(stage, 0, size));
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.readNBytes(chunk, 0, chunk.length)) > 0; ) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled during " + stage.label);
                }
                work.accept(chunk, n);
                done += n;
                pacer.read(n);
                listener.progressed(stage, percent(stage, done, size));
            }
        }
    }

    /** Overall progress: each stage is an equal share of the whole. */
    static int percent(Stage stage, long doneInStage, long size) {
        int stages = Stage.values().length;
        if (size == 0) {
            return (stage.ordinal() + 1) * 100 / stages;
        }
        return (int) ((stage.ordinal() * size + doneInStage) * 100 / (stages * size));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256 (JCA standard names)", e);
        }
    }

    /** Counts what is written to it and keeps nothing. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
