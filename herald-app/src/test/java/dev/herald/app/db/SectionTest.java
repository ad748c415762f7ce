package dev.herald.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sections on PostgreSQL, between two nodes: two {@link Database}s opened on one schema, as two app
 * processes open it.
 */
class SectionTest {

    private TestDatabase schema;
    private Database nodeA;
    private Database nodeB;

    @BeforeEach
    void open() {
        schema = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, null);
        nodeA = schema.open();
        nodeB = schema.open();
    }

    @AfterEach
    void close() {
        try {
            nodeA.close();
            nodeB.close();
        } finally {
            schema.close();
        }
    }

    @Test
    void aWriteOnOneNodeHoldsOffReadsOnAnotherUntilItsRowsAreCommitted() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch written = new CountDownLatch(1);
            Semaphore finish = new Semaphore(0);
            Future<?> writing = threads.submit(() -> nodeA.section("feature").write(() -> {
                insertNotification(nodeA, "written");
                written.countDown();
                finish.acquireUninterruptibly();
            }));
            written.await();

            Future<Integer> reading = threads.submit(() -> nodeB.section("feature").read(() -> countNotifications(nodeB)));
            assertThatThrownBy(() -> reading.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(nodeB.section("other feature").read(() -> countNotifications(nodeB)))
                    .as("another section's read, not held off, before the commit").isZero();

            finish.release();
            writing.get(10, TimeUnit.SECONDS);
            assertThat(reading.get(10, TimeUnit.SECONDS)).as("the read, after the write's commit").isEqualTo(1);
        }
    }

    @Test
    void readsOnTwoNodesRunSideBySide() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch bothIn = new CountDownLatch(2);
            Future<Boolean> onA = threads.submit(() -> nodeA.section("feature").read(() -> inTogether(bothIn)));
            Future<Boolean> onB = threads.submit(() -> nodeB.section("feature").read(() -> inTogether(bothIn)));

            assertThat(onA.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onB.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theUnitsOfWorkInASectionAreOneTransaction() {
        assertThatThrownBy(() -> nodeA.section("feature").write(() -> {
            insertNotification(nodeA, "rolled back with the section");
            throw new IllegalStateException("the publish failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(countNotifications(nodeB)).isZero();
    }

    /** Counts itself in, then waits for the others: true if and only if all came in within 5 s. */
    private static boolean inTogether(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void insertNotification(Database database, String title) {
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO notifications (title, created_at) VALUES (?, ?)")) {
                insert.setString(1, title);
                insert.setString(2, "2026-01-01T00:00:00Z");
                return insert.executeUpdate();
            }
        });
    }

    private static int countNotifications(Database database) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM notifications");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
