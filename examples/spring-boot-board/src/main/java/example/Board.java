package example;

import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.Rerender;
import dev.herald.htmx.Swap;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import dev.herald.spring.AfterCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board's changes and how pages see them. A change is written in a transaction and publishes,
 * once it committed, the new content of each column it touched; pages read the board and the
 * hub's position under the lock changes hold, so each page's stream resumes exactly after what it
 * shows. As a {@link SnapshotSource} it re-renders the whole board for a page whose missed events
 * the hub no longer holds.
 */
@Service
public class Board implements SnapshotSource {

    /** The topic every page listens to. */
    public static final String TOPIC = "board";
    /** A title's most characters, as the column's width shows them. */
    public static final int MAX_TITLE = 200;

    private final Cards cards;
    private final TransactionTemplate transactions;
    private final AfterCommit afterCommit;
    private final Hub hub;
    private final Htmx htmx;
    private final JteRenderer templates;
    private final ReadWriteLock lock = new ReentrantReadWriteLock(); // changes write under it, pages read

    Board(Cards cards, TransactionTemplate transactions, AfterCommit afterCommit, Hub hub, Htmx htmx, JteRenderer templates) {
        this.cards = cards;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.hub = hub;
        this.htmx = htmx;
        this.templates = templates;
    }

    /** The board as a page shows it, with the stream that continues it. */
    public BoardPage page() {
        lock.readLock().lock();
        try {
            return new BoardPage(htmx.page(hub.position(), List.of(TOPIC), Column.contracts()), cards.byColumn());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A new card at the end of To do.
     *
     * @throws IllegalArgumentException for a blank title or one longer than {@value #MAX_TITLE} characters
     */
    public void add(String title) {
        String text = title == null ? "" : title.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a card needs a title");
        }
        if (text.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a title has at most " + MAX_TITLE + " characters; this one has " + text.length());
        }
        change(() -> {
            cards.add(text, Column.TODO);
            return Set.of(Column.TODO);
        });
    }

    /**
     * Puts the card at the end of {@code column}.
     *
     * @throws NoSuchElementException when there is no such card
     */
    public void move(long card, Column column) {
        change(() -> {
            Column from = existing(card);
            cards.move(card, column);
            return Set.of(from, column);
        });
    }

    /** @throws NoSuchElementException when there is no such card */
    public void delete(long card) {
        change(() -> {
            Column from = existing(card);
            cards.delete(card);
            return Set.of(from);
        });
    }

    /** The whole board, read at the hub's position, as the re-render of a page that missed too much. */
    @Override
    public Optional<Snapshot> snapshot(String topic) {
        if (!topic.equals(TOPIC)) {
            return Optional.empty();
        }
        lock.readLock().lock();
        try {
            String position = hub.position();
            List<Fragment> columns = new ArrayList<>();
            cards.byColumn().forEach((column, list) ->
                    columns.add(Fragment.of(render(column, list), column.contract().target(), Swap.INNER_HTML)));
            return Optional.of(Rerender.snapshot(position, columns));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code write} in a transaction, under the lock; once it committed (still under the lock,
     * so events go out in the order of the commits) every column it touched is published as it now is.
     */
    private void change(Supplier<Set<Column>> write) {
        lock.writeLock().lock();
        try {
            transactions.executeWithoutResult(status -> {
                Set<Column> touched = write.get();
                Map<Column, List<Card>> board = cards.byColumn();
                for (Column column : Column.values()) {
                    if (touched.contains(column)) {
                        afterCommit.publish(TOPIC, column.contract().event(render(column, board.get(column))));
                    }
                }
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Column existing(long card) {
        return cards.columnOf(card).orElseThrow(() -> new NoSuchElementException("there is no card " + card));
    }

    private String render(Column column, List<Card> list) {
        return templates.render("column.jte", Map.of("column", column, "cards", list));
    }
}
