package dev.herald.mercure;

import java.util.regex.Pattern;

/**
 * A topic as a regular expression reads it, counting the characters it reads: past a budget the
 * evaluation is aborted and counts as no match. Mercure 1.0 ("URL-Pattern Denial of Service") asks
 * a hub without a linear-time regex engine to bound the cost of a pattern's evaluation; Java's
 * engine backtracks, and every read of the input goes through {@link #charAt}, so counting reads
 * bounds the work whatever the pattern.
 */
final class CostBoundedText implements CharSequence {

    /**
     * Characters a single match may read: a topic is at most 1024 chars, so this allows ~100 reads
     * of each (ample for patterns that do not backtrack pathologically) and at most a few
     * milliseconds of work for one that does.
     */
    static final int BUDGET = 100_000;

    private final String text;
    private final int[] spent;

    private CostBoundedText(String text, int[] spent) {
        this.text = text;
        this.spent = spent;
    }

    /** True if and only if {@code pattern} matches all of {@code text} within the budget. */
    static boolean matches(Pattern pattern, String text) {
        try {
            return pattern.matcher(new CostBoundedText(text, new int[1])).matches();
        } catch (BudgetSpent e) {
            return false;
        }
    }

    @Override
    public char charAt(int index) {
        if (++spent[0] > BUDGET) {
            throw new BudgetSpent();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CostBoundedText(text.substring(start, end), spent);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown through the regex engine when the budget is spent; no stack trace (it is control flow). */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super("evaluation budget spent", null, false, false);
        }
    }
}
