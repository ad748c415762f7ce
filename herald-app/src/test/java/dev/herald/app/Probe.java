package dev.herald.app;

import dev.herald.jetty.HeraldServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request of {@link ReviewProbesTest}, as it goes on the wire, and the answer it must get.
 * Requests are built as a well-behaved client of the app sends them — same-site (the
 * {@link HeraldServer#REQUEST_HEADER} header), as the chat user {@code ada} — and then spoiled in
 * the one way the probe is about.
 *
 * @param what   what the probe tries, as the test's name
 * @param status the status it must be answered with
 * @param reason the one line the answer's body must be (for a page: hold)
 */
record Probe(String what, Request request, int status, String reason) {

    @Override
    public String toString() {
        return what;
    }

    static Probe probe(String what, Request request, int status, String reason) {
        return new Probe(what, request, status, reason);
    }

    static Request get(String target) {
        return new Request("GET", target, List.of("Herald-Request: probe", "Cookie: herald-user=ada"), new byte[0]);
    }

    /** A form post; {@code form} is sent as written (already URL-encoded, or not, as the probe needs). */
    static Request post(String target, String form) {
        return new Request("POST", target, List.of("Herald-Request: probe", "Cookie: herald-user=ada",
                "Content-Type: application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An upload of {@code content} as the file {@code fileName}, in a multipart body as browsers send it. */
    static Request upload(String fileName, byte[] content) {
        String boundary = "----herald-probe";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post("/jobs", "").body("multipart/form-data; boundary=" + boundary, body);
    }

    /** A request: the method and target of its request line, its header lines, its body. */
    record Request(String method, String target, List<String> headers, byte[] body) {

        Request method(String other) {
            return new Request(other, target, headers, body);
        }

        /** Adds a header line, written as given (it may hold what no client would send). */
        Request header(String line) {
            List<String> more = new ArrayList<>(headers);
            more.add(line);
            return new Request(method, target, more, body);
        }

        /** Drops the header {@code name}. */
        Request without(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return new Request(method, target, headers.stream().filter(h -> !h.toLowerCase(Locale.ROOT).startsWith(prefix)).toList(), body);
        }

        Request body(String contentType, byte[] content) {
            return without("Content-Type").header("Content-Type: " + contentType).withBody(content);
        }

        private Request withBody(byte[] content) {
            return new Request(method, target, headers, content);
        }

        /**
         * The request line and headers, with {@code Host}, {@code Connection: close} and the body's
         * length (unless a header line declares one).
         */
        String head(int port) {
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            boolean declared = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"));
            if (!declared && (body.length > 0 || method.equals("POST"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            return head.toString();
        }
    }
}
