package example;

/** A card on the board. */
public record Card(long id, String title, Column column) {
}
