package dev.herald.app.notifications;

/** A notification as submitted, before it is stored; {@link #check} decides whether it may be. */
public record NotificationDraft(String title, String body) {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 5000;

    /** The outcome of checking a submission. */
    public sealed interface Check {
        /** The submission may be stored as {@code draft}. */
        record Valid(NotificationDraft draft) implements Check {
        }

        /** The submission is refused; {@code reason} is one line, fit to show the person who sent it. */
        record Invalid(String reason) implements Check {
        }
    }

    /**
     * Checks a submission: a title is required (surrounding blanks are dropped), one line (no line
     * break or other control character), at most {@value #MAX_TITLE_LENGTH} characters; the body is optional, at most {@value #MAX_BODY_LENGTH}
     * characters, and keeps its line breaks. Lengths count Unicode code points.
     *
     * @param title the submitted title, or {@code null} when the field is missing
     * @param body  the submitted body, or {@code null} when the field is missing
     */
    public static Check check(String title, String body) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.stripTrailing();
        if (t.isEmpty()) {
            return new Check.Invalid("A title is required.");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            return new Check.Invalid("A title is one line: it cannot contain line breaks or control characters.");
        }
        int titleLength = t.codePointCount(0, t.length());
        if (titleLength > MAX_TITLE_LENGTH) {
            return new Check.Invalid("The title has " + titleLength + " characters; at most " + MAX_TITLE_LENGTH + " are allowed.");
        }
        int bodyLength = b.codePointCount(0, b.length());
        if (bodyLength > MAX_BODY_LENGTH) {
            return new Check.Invalid("The body has " + bodyLength + " characters; at most " + MAX_BODY_LENGTH + " are allowed.");
        }
        return new Check.Valid(new NotificationDraft(t, b));
    }
}
