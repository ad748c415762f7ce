package example;

import dev.herald.htmx.PageStream;
import java.util.List;
import java.util.Map;

/** What one page render shows: the board, and the stream that goes on from exactly that board. */
public record BoardPage(PageStream stream, Map<Column, List<Card>> board) {

    public List<Card> cards(Column column) {
        return board.get(column);
    }
}
