package dev.herald.app.db;

/**
 * A search for text anywhere in a column, the same on every engine: {@link #CONTAINS} lower-cases
 * both sides with the engine's own {@code LOWER} (SQLite's {@code LIKE} ignores ASCII case,
 * PostgreSQL's ignores none), and {@link #pattern} escapes the wildcards so they are taken literally.
 */
public final class Like {

    /** {@code LOWER(<column>) LIKE LOWER(?)}, the parameter from {@link #pattern}; format it with the column. */
    public static final String CONTAINS = "LOWER(%s) LIKE LOWER(?) ESCAPE '\\'";

    private Like() {
    }

    /** The {@code LIKE} pattern of a column containing {@code text}; {@code %}, {@code _} and {@code \} are literal. */
    public static String pattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
