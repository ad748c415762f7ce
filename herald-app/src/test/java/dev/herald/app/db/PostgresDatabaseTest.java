package dev.herald.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's database on PostgreSQL, each test in a schema of its own on the shared server. */
class PostgresDatabaseTest {

    private TestDatabase schema;

    @BeforeEach
    void createSchema() {
        schema = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, null);
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Test
    void migratesTheUrlsSchemaWithThePostgresqlMigrations() {
        try (Database database = Database.postgresql(schema.url())) {
            assertThat(query(database, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                    .isEqualTo("1,2,3,4,5,6,7,8");
            assertThat(query(database, "SELECT current_schema()")).startsWith("herald_test_");
            assertThat(query(database, "SELECT data_type FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name = 'jobs' AND column_name = 'size'")).isEqualTo("bigint");
        }
    }

    @Test
    void reopeningKeepsTheDataAndMigratesOnlyOnce() {
        try (Database database = Database.postgresql(schema.url())) {
            database.transaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO notifications (title, created_at) VALUES ('kept', '2025-01-01T00:00:00Z')"));
        }
        try (Database database = Database.postgresql(schema.url())) {
            assertThat(query(database, "SELECT title FROM notifications")).isEqualTo("kept");
            assertThat(query(database, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo("8");
        }
    }

    @Test
    void aFailingUnitOfWorkIsRolledBackAndNamesTheDatabase() {
        try (Database database = Database.postgresql(schema.url())) {
            assertThatThrownBy(() -> database.transaction(c -> {
                c.createStatement().executeUpdate(
                        "INSERT INTO notifications (title, created_at) VALUES ('lost', '2025-01-01T00:00:00Z')");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("transaction on the PostgreSQL database 127.0.0.1:5432/postgres failed:")
                    .hasMessageContaining("no_such_table");

            assertThat(query(database, "SELECT COUNT(*) FROM notifications")).isEqualTo("0");
        }
    }

    @Test
    void unitsOfWorkRunSideBySideOnConnectionsOfTheirOwn() throws Exception {
        try (Database database = Database.postgresql(schema.url());
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch holding = new CountDownLatch(1);
            Semaphore release = new Semaphore(0);
            Future<Integer> held = threads.submit(() -> database.transaction(c -> {
                holding.countDown();
                release.acquireUninterruptibly();
                return 1;
            }));
            holding.await();

            // With one connection taking turns (as on SQLite) this would wait for the first unit forever.
            assertThat(query(database, "SELECT 2")).isEqualTo("2");
            release.release();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aServerThatCannotBeReachedIsNamedWithoutTheUrlsParameters() {
        assertThatThrownBy(() -> Database.postgresql("jdbc:postgresql://127.0.0.1:1/herald?user=app&password=s3cret"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to the PostgreSQL database 127.0.0.1:1/herald: ")
                .hasMessageNotContaining("s3cret");
    }

    private static String query(Database database, String sql) {
        return database.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
