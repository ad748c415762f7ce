package example;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cards in the database (src/main/resources/schema.sql); a card's place orders its column. */
@Repository
public class Cards {

    private final JdbcClient db;

    Cards(JdbcClient db) {
        this.db = db;
    }

    /** Every column's cards, in order; a column without cards has an empty list. */
    public Map<Column, List<Card>> byColumn() {
        Map<Column, List<Card>> board = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            board.put(column, db.sql("select id, title from card where status = ? order by place")
                    .param(column.key())
                    .query((row, n) -> new Card(row.getLong("id"), row.getString("title"), column))
                    .list());
        }
        return board;
    }

    /** A new card at the end of {@code column}. */
    public void add(String title, Column column) {
        db.sql("insert into card (title, status, place) values (?, ?, next value for card_place)")
                .params(title, column.key()).update();
    }

    /** The card's column, if there is such a card. */
    public Optional<Column> columnOf(long id) {
        return db.sql("select status from card where id = ?").param(id).query(String.class).optional().map(Column::of);
    }

    /** Puts the card at the end of {@code column}. */
    public void move(long id, Column column) {
        db.sql("update card set status = ?, place = next value for card_place where id = ?").params(column.key(), id).update();
    }

    public void delete(long id) {
        db.sql("delete from card where id = ?").param(id).update();
    }
}
