package dev.herald.app.web;

import org.eclipse.jetty.server.Request;

/** Renders the 404 page a person sees: the layout, the reason, a way back. */
@FunctionalInterface
public interface NotFoundPage {

    /** The whole HTML document for {@code request}, saying {@code reason} (one line, not yet escaped). */
    String render(Request request, String reason);
}
