package dev.herald.app.jobs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Why a job failed, as a sentence a person can read on the job's page. An exception's own message is
 * often a bare path ({@code NoSuchFileException}) or a class name; the log keeps the details.
 */
final class FailureReason {

    private FailureReason() {
    }

    static String of(Exception e) {
        return switch (e) {
            case NoSuchFileException gone -> "The uploaded file was gone before the analysis could read it.";
            case AccessDeniedException denied -> "The app was not allowed to read the uploaded file.";
            case IOException io -> "Reading the uploaded file failed; the server's log has the details.";
            default -> "The analysis failed inside the app; the server's log has the details.";
        };
    }
}
