package dev.herald.app.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema's Flyway migrations: {@code db/migration/common} holds those whose SQL every engine
 * runs as written; {@code db/migration/<engine>} holds, under the same version numbers, those whose
 * SQL differs (an identity key is {@code AUTOINCREMENT} on SQLite, {@code GENERATED … AS IDENTITY}
 * on PostgreSQL). Each version exists once per engine.
 */
final class Migrations {

    private Migrations() {
    }

    /**
     * Brings the schema behind {@code dataSource} up to date.
     *
     * @param engine the folder of the engine's own migrations: {@code sqlite} or {@code postgresql}
     * @param where  the database as messages name it (never with a password)
     * @throws DatabaseException naming {@code where} when a migration fails
     */
    static void migrate(DataSource dataSource, String engine, String where) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + engine)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot migrate " + where + ": " + e.getMessage(), e);
        }
    }
}
