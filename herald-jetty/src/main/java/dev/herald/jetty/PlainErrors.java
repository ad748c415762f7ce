package dev.herald.jetty;

import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself — a request it cannot parse (400), a head or a URI too long (431,
 * 414), an exception escaping a handler (500) — answered as Herald answers its own refusals: one
 * line of {@code text/plain}, with the security headers. Jetty's own page has several lines and names
 * the exception's class ({@code CAUSED BY org.eclipse.jetty.http.BadMessageException: …}).
 */
final class PlainErrors extends ErrorHandler {

    /** A message naming a Java class (a package path, or a type named …Exception or …Error) is not shown. */
    private static final Pattern NAMES_A_CLASS = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.|\\b[A-Z]\\w*(Exception|Error)\\b");

    private final SecureResponses secure;

    PlainErrors(SecureResponses secure) {
        this.secure = secure;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // the reason is one line, whatever the method (HEAD's body is left out by Jetty)
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        secure.putHeaders(response);
        PlainText.respond(response, callback, code, line(code, message));
    }

    /**
     * The status's reason phrase, and Jetty's message after it when it adds something and names no
     * class. A server error says no more: what failed is in the log, not for the client.
     */
    static String line(int code, String message) {
        String phrase = HttpStatus.getMessage(code);
        if (code >= 500 || message == null || message.isBlank() || message.equalsIgnoreCase(phrase)
                || NAMES_A_CLASS.matcher(message).find()) {
            return phrase;
        }
        return phrase + ": " + message;
    }
}
