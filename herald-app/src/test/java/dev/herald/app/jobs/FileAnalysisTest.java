package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void findsTheHashLineAndWordCountsAndGzipSizeOfAFileSpanningManyChunks() throws Exception {
        String text = "the quick  brown\tfox\njumps over\n\nthe lazy dog\n".repeat(5_000); // ~235 KB: 4 chunks
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("text"), bytes);

        JobResult result = new FileAnalysis(0).run(file, (stage, percent) -> { }, () -> false);

        assertThat(result.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(result.lines()).isEqualTo(4 * 5_000);
        assertThat(result.words()).isEqualTo(9 * 5_000);
        assertThat(result.gzipBytes()).isEqualTo(gzip(bytes).length);
    }

    @Test
    void aWordSplitAcrossTwoChunksCountsOnce() throws Exception {
        byte[] bytes = ("x".repeat(FileAnalysis.CHUNK_BYTES - 2) + " spanning word").getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("span"), bytes);

        assertThat(new FileAnalysis(0).run(file, (s, p) -> { }, () -> false).words()).isEqualTo(3);
    }

    @Test
    void reportsEveryStageInOrderWithPercentagesThatNeverFallAndEndAt100() throws Exception {
        Path file = Files.write(dir.resolve("data"), new byte[5 * FileAnalysis.CHUNK_BYTES]);
        List<String> stages = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();

        new FileAnalysis(0).run(file, (stage, percent) -> {
            if (stages.isEmpty() || !stages.getLast().equals(stage.label)) {
                stages.add(stage.label);
            }
            percents.add(percent);
        }, () -> false);

        assertThat(stages).containsExactly("Computing SHA-256", "Counting lines and words", "Measuring the gzip ratio");
        assertThat(percents).isSorted().startsWith(0).endsWith(100);
    }

    @Test
    void anEmptyFileIsAnalysedToo() throws Exception {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);

        JobResult result = new FileAnalysis(0).run(file, (s, p) -> { }, () -> false);

        assertThat(result.lines()).isZero();
        assertThat(result.words()).isZero();
        assertThat(result.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void stopsAtTheNextChunkOnceCancelled() throws Exception {
        Path file = Files.write(dir.resolve("data"), new byte[10 * FileAnalysis.CHUNK_BYTES]);
        List<Integer> percents = new ArrayList<>();

        assertThatThrownBy(() -> new FileAnalysis(0).run(file, (stage, percent) -> percents.add(percent),
                () -> percents.size() > 3))
                .isInstanceOf(CancellationException.class)
                .hasMessage("cancelled during Computing SHA-256");
        assertThat(percents).hasSize(4);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, FileAnalysis.CHUNK_BYTES)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
