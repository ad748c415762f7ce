package dev.herald.app.web;

import dev.herald.htmx.PageStream;
import java.util.Objects;

/**
 * What the shared layout ({@code src/main/jte/layout.jte}) needs: the page's title, which section
 * of the navigation it is, its stream (the layout loads the stream's scripts), and the unread count
 * the navigation shows (kept live by the {@code unread} event every page declares).
 *
 * @param section the navigation entry of the page, such as {@code "chat"}
 */
public record Layout(String title, String section, PageStream stream, int unread) {

    public Layout {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(stream, "stream");
    }

    /** {@code "page"} for the navigation entry of this page, else {@code null} (no attribute). */
    public String current(String entry) {
        return section.equals(entry) ? "page" : null;
    }
}
