package dev.herald.jetty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.ComplianceViolation;
import org.eclipse.jetty.http.CookieParser;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * A request's cookies, parsed from its Cookie headers when asked for, as Jetty parses them (the
 * connector's cookie compliance; an invalid header is a 400). Not {@link Request#getCookies}: that
 * keeps what it parsed in the request's attributes — a map made for it — which the request of a
 * stream holds for the stream's whole life.
 */
final class RequestCookies {

    private RequestCookies() {
    }

    /** Each cookie's value by name (the first one sent of a name), in the order sent. */
    static Map<String, String> of(Request request) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> headers = request.getHeaders().getValuesList(HttpHeader.COOKIE);
        if (headers.isEmpty()) {
            return byName;
        }
        CookieParser parser = CookieParser.newParser((name, value, version, path, domain, comment) -> byName.putIfAbsent(name, value),
                request.getConnectionMetaData().getHttpConfiguration().getRequestCookieCompliance(), ComplianceViolation.Listener.NOOP);
        try {
            parser.parseFields(headers);
        } catch (CookieParser.InvalidCookieException e) {
            throw new BadMessageException(e.getMessage(), e);
        }
        return byName;
    }
}
