package dev.herald.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
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
    void aDatabaseMigratedBeforeTheMigrationsMovedToPerEngineFoldersOpens(@TempDir Path dir) throws Exception {
        // Until PostgreSQL came, every migration sat in db/migration itself; Flyway keeps a file's
        // name and checksum, not its folder, so a database it migrated then must validate now.
        Path flat = Files.createDirectories(dir.resolve("flat"));
        for (String file : List.of("sqlite/V1__notifications.sql", "sqlite/V2__chat.sql", "sqlite/V3__jobs.sql",
                "sqlite/V4__agent.sql", "common/V5__agent_request_keys.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
                Files.copy(in, flat.resolve(file.substring(file.indexOf('/') + 1)));
            }
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Flyway.configure().dataSource("jdbc:sqlite:" + data.resolve("herald.db"), null, null)
                .locations("filesystem:" + flat).load().migrate();

        try (Database database = Database.sqlite(data)) {
            assertThat(count(database, "SELECT COUNT(*) FROM flyway_schema_history")).as("and the later ones ran").isEqualTo(8);
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
