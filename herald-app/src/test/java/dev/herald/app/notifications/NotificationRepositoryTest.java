package dev.herald.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.Database;
import dev.herald.app.db.OnEachEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OnEachEngine
class NotificationRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private NotificationRepository repository;

    @BeforeEach
    void open(Database database) {
        repository = new NotificationRepository(database);
    }

    @Test
    void insertReturnsTheStoredRowWithItsId() {
        Notification stored = repository.insert(new NotificationDraft("Deploy", "line 1\nline 2"), T0);

        assertThat(stored).isEqualTo(new Notification(stored.id(), "Deploy", "line 1\nline 2", T0, null));
        assertThat(repository.newest(10)).containsExactly(stored);
    }

    @Test
    void newestReturnsTheNewestRowsNewestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(repository.insert(new NotificationDraft("n" + i, ""), T0.plusSeconds(i)).id());
        }

        assertThat(repository.newest(3)).extracting(Notification::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
    }

    @Test
    void markAllReadMarksOnlyUnreadRowsAndCountsThem() {
        repository.insert(new NotificationDraft("a", ""), T0);
        repository.insert(new NotificationDraft("b", ""), T0);
        assertThat(repository.countUnread()).isEqualTo(2);

        assertThat(repository.markAllRead(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(repository.markAllRead(T0.plusSeconds(120))).isZero();

        assertThat(repository.countUnread()).isZero();
        assertThat(repository.newest(10)).extracting(Notification::readAt).containsOnly(T0.plusSeconds(60));
    }

    @Test
    void markReadMarksOneRowOnceAndSaysWhenThereIsNone() {
        Notification one = repository.insert(new NotificationDraft("one", ""), T0);
        Notification two = repository.insert(new NotificationDraft("two", ""), T0);

        assertThat(repository.markRead(one.id(), T0.plusSeconds(60))).hasValueSatisfying(
                read -> assertThat(read.readAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(repository.markRead(one.id(), T0.plusSeconds(120))).as("read already: kept as it was")
                .hasValueSatisfying(read -> assertThat(read.readAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(repository.markRead(99, T0)).isEmpty();
        assertThat(repository.countUnread()).isEqualTo(1);
        assertThat(repository.newest(10)).extracting(Notification::id).containsExactly(two.id(), one.id());
    }

    @Test
    void concurrentInsertsOnVirtualThreadsAreAllStoredWithDistinctIds() throws Exception {
        List<Future<Notification>> inserts = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String title = "n" + i;
                inserts.add(threads.submit(() -> repository.insert(new NotificationDraft(title, ""), T0)));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Notification> insert : inserts) {
            ids.add(insert.get().id());
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(200);
        assertThat(repository.countUnread()).isEqualTo(200);
    }
}
