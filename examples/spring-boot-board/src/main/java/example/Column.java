package example;

import dev.herald.htmx.Contract;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The board's columns, in order; each is a region of the page that its event re-renders. */
public enum Column {
    TODO("todo", "To do"),
    DOING("doing", "Doing"),
    DONE("done", "Done");

    private final String key;
    private final String title;
    private final Contract contract;

    Column(String key, String title) {
        this.key = key;
        this.title = title;
        this.contract = Contract.replace("column-" + key, "column-" + key); // event, region id, innerHTML
    }

    /**
     * The column a request names by its key.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Column of(String key) {
        for (Column column : values()) {
            if (column.key.equals(key)) {
                return column;
            }
        }
        throw new IllegalArgumentException("column \"" + key + "\" is not one of "
                + Arrays.stream(values()).map(Column::key).collect(Collectors.joining(", ")));
    }

    /** Every column's contract: what a page listens to. */
    public static List<Contract> contracts() {
        return Arrays.stream(values()).map(Column::contract).toList();
    }

    /** The name in requests and in the database. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The event that replaces the column's content on every page. */
    public Contract contract() {
        return contract;
    }

    /** The column before this one, or null for the first. */
    public Column previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The column after this one, or null for the last. */
    public Column next() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }
}
