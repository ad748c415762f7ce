package dev.herald.app.jobs;

import dev.herald.app.web.ByteSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;

/**
 * Receives {@code multipart/form-data} uploads of one file (field {@value #FIELD}), streamed to a
 * temporary file in a directory of the request's own, never held in memory. Over the size limit
 * nothing is kept: a declared length over it is refused before a byte is read; a body that grows
 * past it is cut off and its directory deleted.
 */
final class Uploads {

    static final String FIELD = "file";
    /** Room for the multipart envelope around the file: boundaries and part headers. */
    static final long ENVELOPE_BYTES = 16 * 1024;
    /** Longest file name kept, in chars: a name is only shown, never used as a path. */
    static final int MAX_NAME_LENGTH = 255;
    /** The most bytes of headers a part may have (its name, its file's name, its type): a bound on what is buffered. */
    static final int MAX_PART_HEADERS_BYTES = 8 * 1024;

    private final Path incoming;
    private final long maxFileBytes;

    /** @param incoming where requests' directories go; created if missing, emptied of an earlier run's */
    Uploads(Path incoming, long maxFileBytes) {
        try {
            if (Files.exists(incoming)) {
                TempDirectory.deleteTree(incoming);
            }
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload directory " + incoming, e);
        }
        this.incoming = incoming;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Reads the request's file, blocking; close the result to delete what was not moved away.
     *
     * @throws UploadRefusedException 413 over the limit, 415 when not multipart, 400 without a file
     */
    ReceivedUpload receive(Request request) throws IOException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !MimeTypes.Type.MULTIPART_FORM_DATA.is(contentType.split(";", 2)[0].strip())) {
            throw new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
                    "Upload the file as multipart/form-data, not " + contentType + ".", null);
        }
        if (request.getLength() > maxFileBytes + ENVELOPE_BYTES) {
            // Not read: the file, or a part's headers (a long file name), is too large; say what is known.
            throw new UploadRefusedException(HttpStatus.PAYLOAD_TOO_LARGE_413, "The upload is " + ByteSize.text(request.getLength())
                    + ", more than the limit of " + ByteSize.text(maxFileBytes) + " for a file; nothing was stored.", null);
        }
        TempDirectory directory = TempDirectory.in(incoming);
        try {
            MultiPartFormData.Parts parts = parse(request, contentType, directory.path());
            MultiPart.Part part = parts.getFirst(FIELD);
            if (part == null || part.getFileName() == null || part.getFileName().isBlank()) {
                parts.close();
                throw new UploadRefusedException(HttpStatus.BAD_REQUEST_400, "Choose a file to upload.", null);
            }
            // Shown, never used as a path. Jetty's parser refuses control characters in a part's headers.
            String name = part.getFileName().strip();
            return new ReceivedUpload(parts, part, name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name,
                    directory);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private MultiPartFormData.Parts parse(Request request, String contentType, Path directory) {
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(directory)
                .maxPartSize(maxFileBytes)
                .maxSize(maxFileBytes + ENVELOPE_BYTES)
                .maxMemoryPartSize(0) // every part goes to disk
                .maxParts(4)
                .maxHeadersSize(MAX_PART_HEADERS_BYTES)
                .build();
        try {
            return MultiPartFormData.getParts(request, request, contentType, config);
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            if (root(e) instanceof TimeoutException) { // the server's minimum body rate (HeraldServer.Builder)
                throw new UploadRefusedException(HttpStatus.REQUEST_TIMEOUT_408, "The upload was too slow: "
                        + reason + "; nothing was stored.", e);
            }
            if (reason.contains("headers max length")) {
                throw new UploadRefusedException(HttpStatus.BAD_REQUEST_400, "The file's name is too long: a part's headers "
                        + "may have " + ByteSize.text(MAX_PART_HEADERS_BYTES) + "; nothing was stored.", e);
            }
            if (exceededALimit(e)) {
                throw tooLarge(e);
            }
            throw new UploadRefusedException(HttpStatus.BAD_REQUEST_400, "The upload is not valid multipart/form-data ("
                    + reason + "); nothing was stored.", e);
        }
    }

    /**
     * What the innermost cause says, without the exception's class: Jetty wraps the parser's
     * {@code IllegalStateException("invalid CR-only EOL")} in exceptions whose messages start with
     * the class name of the one they wrap.
     */
    private static String rootMessage(Throwable e) {
        String message = root(e).getMessage();
        // Jetty's HTTP exceptions put their status first ("400: invalid CR-only EOL"): the answer has it already.
        return message == null || message.isBlank() ? "the body ended early or is malformed"
                : message.strip().replaceFirst("^[45]\\d\\d: ", "");
    }

    private UploadRefusedException tooLarge(Throwable cause) {
        return new UploadRefusedException(HttpStatus.PAYLOAD_TOO_LARGE_413,
                "The file is larger than the limit of " + ByteSize.text(maxFileBytes) + "; nothing was stored.", cause);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Jetty reports a passed limit as a plain exception whose message says "max … exceeded". */
    private static boolean exceededALimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("max") && message.contains("exceeded")) {
                return true;
            }
        }
        return false;
    }
}
