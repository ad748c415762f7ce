package dev.herald.app.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory of one request's temporary files, deleted with everything in it on {@link #close}. */
record TempDirectory(Path path) implements AutoCloseable {

    static TempDirectory in(Path parent) throws IOException {
        return new TempDirectory(Files.createTempDirectory(parent, "upload-"));
    }

    @Override
    public void close() {
        try {
            deleteTree(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary upload directory " + path, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
