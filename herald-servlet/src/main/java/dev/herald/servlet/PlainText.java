package dev.herald.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A whole response that is one line of {@code text/plain}: a refusal's reason, a publish's id. */
final class PlainText {

    private PlainText() {
    }

    /** {@code status} and {@code line} with a line feed. */
    static void respond(HttpServletResponse response, int status, String line) {
        write(response, status, oneLine(line) + "\n");
    }

    /** 200 and exactly {@code body}, no line feed (Mercure's publish answer: the id). */
    static void answer(HttpServletResponse response, String body) {
        write(response, 200, oneLine(body));
    }

    private static void write(HttpServletResponse response, int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A line can echo client input: kept to one line, it cannot add lines of its own.
    private static String oneLine(String line) {
        return line.replace('\r', ' ').replace('\n', ' ');
    }
}
