package dev.herald.app.jobs;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;

/** An uploaded file on disk; {@link #close} deletes whatever was not moved away. */
final class ReceivedUpload implements AutoCloseable {

    private final MultiPartFormData.Parts parts;
    private final MultiPart.Part file;
    private final String fileName;
    private final TempDirectory directory;

    ReceivedUpload(MultiPartFormData.Parts parts, MultiPart.Part file, String fileName, TempDirectory directory) {
        this.parts = parts;
        this.file = file;
        this.fileName = fileName;
        this.directory = directory;
    }

    /** The name the browser gave the file, trimmed; only ever shown. */
    String fileName() {
        return fileName;
    }

    long size() {
        return file.getLength();
    }

    /** Moves the file to {@code target}. */
    void moveTo(Path target) throws IOException {
        file.writeTo(target);
    }

    @Override
    public void close() {
        try {
            parts.close();
        } finally {
            directory.close();
        }
    }
}
