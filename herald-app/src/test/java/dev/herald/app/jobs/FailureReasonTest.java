package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aFailureIsASentenceNeverARawPathOrAClassName() {
        String path = "/var/lib/herald/jobs/files/7";
        for (Exception e : new Exception[] {new NoSuchFileException(path), new AccessDeniedException(path),
                new IOException(path), new IllegalStateException("java.lang.NullPointerException at " + path)}) {
            String reason = FailureReason.of(e);
            assertThat(reason).as(e.toString()).doesNotContain(path, "Exception").matches("[A-Z].*\\.");
        }
        assertThat(FailureReason.of(new NoSuchFileException(path))).isEqualTo("The uploaded file was gone before the analysis could read it.");
    }
}
