package dev.herald.app.web;

import dev.herald.htmx.Dialect;
import dev.herald.htmx.Htmx;
import org.eclipse.jetty.server.Request;

/** The htmx dialect of a page request: {@code ?htmx=2} or {@code ?htmx=4}, else the app's default. */
public final class Dialects {

    static final String PARAMETER = "htmx";

    private Dialects() {
    }

    /**
     * @throws BadRequestException when the parameter is neither 2 nor 4
     */
    public static Dialect of(Request request, Htmx htmx) {
        String value = Forms.query(request).getValue(PARAMETER);
        if (value == null) {
            return htmx.dialect();
        }
        try {
            return Dialect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("?" + PARAMETER + "= must be 2 or 4, was " + Responses.shown(value), e);
        }
    }
}
