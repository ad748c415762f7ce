package example;

import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page and the three changes its buttons post; a change answers 204, and every page sees it through its stream. */
@Controller
public class BoardController {

    private final Board board;

    BoardController(Board board) {
        this.board = board;
    }

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("page", board.page());
        return "board"; // src/main/jte/board.jte
    }

    @PostMapping("/cards")
    ResponseEntity<Void> add(@RequestParam(defaultValue = "") String title) {
        board.add(title);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cards/{id}/move")
    ResponseEntity<Void> move(@PathVariable long id, @RequestParam String to) {
        board.move(id, Column.of(to));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/cards/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        board.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A bad title or column: 400, with the reason as the body. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> refuse(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<String> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getMessage());
    }
}
