package dev.herald.app.db;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the annotated test class once on each {@link TestDatabase.Engine} ("on SQLITE", "on
 * POSTGRESQL"), each test with a new, migrated {@link Database} of its own, opened as the app opens
 * it and closed after the test (on PostgreSQL its schema dropped, on SQLite its directory deleted).
 * A test, or its {@code @BeforeEach}, takes it as a parameter:
 *
 * <pre>{@code
 * @OnEachEngine
 * class SomeRepositoryTest {
 *     private SomeRepository repository;
 *
 *     @BeforeEach
 *     void open(Database database) {
 *         repository = new SomeRepository(database);
 *     }
 * }</pre>
 *
 * On PostgreSQL the tests are skipped (failed with {@code HERALD_REQUIRE_SERVICES=1}) when the
 * server is not there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(OnEachEngine.Engines.class)
public @interface OnEachEngine {

    /** One run of the class per engine. */
    final class Engines implements ClassTemplateInvocationContextProvider {

        @Override
        public boolean supportsClassTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
            return Arrays.stream(TestDatabase.Engine.values()).map(engine -> new ClassTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return "on " + engine;
                }

                @Override
                public List<Extension> getAdditionalExtensions() {
                    return List.of(new DatabasePerTest(engine));
                }
            });
        }
    }

    /** Opens the database before each test (before its {@code @BeforeEach} methods); JUnit closes it after. */
    final class DatabasePerTest implements BeforeEachCallback, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabasePerTest.class);

        private final TestDatabase.Engine engine;

        private DatabasePerTest(TestDatabase.Engine engine) {
            this.engine = engine;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            // JUnit closes what the test's store holds when the test ends, the last put first: also
            // what was put before a step that failed.
            ExtensionContext.Store store = context.getStore(NAMESPACE);
            Path dataDir = Files.createTempDirectory("herald-db-test-");
            store.put(Path.class, (AutoCloseable) () -> delete(dataDir));
            TestDatabase testDatabase = TestDatabase.create(engine, dataDir);
            store.put(TestDatabase.class, testDatabase);
            store.put(Database.class, testDatabase.open());
        }

        private static void delete(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class;
        }

        @Override
        public Database resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).get(Database.class, Database.class);
        }
    }
}
