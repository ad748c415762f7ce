package dev.herald.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @Test
    void createsTheDataDirectoryAndMigratesTheSchema(@TempDir Path dir) {
        Path dataDir = dir.resolve("nested/data");

        try (Database database = Database.sqlite(dataDir)) {
            assertThat(dataDir.resolve("herald.db")).exists();
            assertThat(count(database, "SELECT COUNT(*) FROM notifications")).isZero();
        }
    }

    @Test
    void usesWriteAheadLogging(@TempDir Path dir) {
        try (Database database = Database.sqlite(dir)) {
            String mode = database.transaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void reopeningKeepsTheDataAndMigratesOnlyOnce(@TempDir Path dir) {
        try (Database database = Database.sqlite(dir)) {
            database.transaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO notifications (title, created_at) VALUES ('kept', '2025-01-01T00:00:00Z')"));
        }
        try (Database database = Database.sqlite(dir)) {
            assertThat(count(database, "SELECT COUNT(*) FROM notifications")).isEqualTo(1);
        }
    }

    @Test
    void aFailingUnitOfWorkIsRolledBack(@TempDir Path dir) {
        try (Database database = Database.sqlite(dir)) {
            assertThatThrownBy(() -> database.transaction(c -> {
                c.createStatement().executeUpdate(
                        "INSERT INTO notifications (title, created_at) VALUES ('lost', '2025-01-01T00:00:00Z')");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("no_such_table");

            assertThat(count(database, "SELECT COUNT(*) FROM notifications")).isZero();
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsReportedByName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "");

        assertThatThrownBy(() -> Database.sqlite(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("cannot create the data directory " + file.toAbsolutePath());
    }

    private static int count(Database database, String sql) {
        return database.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
