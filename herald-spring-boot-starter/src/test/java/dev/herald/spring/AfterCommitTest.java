package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A write and its event: the event reaches pages if and only if the write commits. */
class AfterCommitTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:aftercommit;DB_CLOSE_DELAY=-1")
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    TransactionAutoConfiguration.class, HeraldAutoConfiguration.class));

    @Test
    void aRolledBackWriteNeverReachesAPage() {
        context.run(app -> {
            Hub hub = app.getBean(Hub.class);
            JdbcTemplate db = app.getBean(JdbcTemplate.class);
            AfterCommit afterCommit = app.getBean(AfterCommit.class);
            db.execute("create table if not exists card (title varchar(100))");
            String before = hub.position();

            assertThatThrownBy(() -> app.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
                db.update("insert into card values ('doomed')");
                afterCommit.publish(List.of("board"), SseEvent.message("card", "doomed"));
                throw new IllegalStateException("the write fails after the publish was asked for");
            })).hasMessageContaining("the write fails");

            assertThat(db.queryForObject("select count(*) from card", Integer.class)).isZero();
            assertThat(hub.position()).isEqualTo(before);
            assertThat(hub.stats().eventsPublished()).isZero();
        });
    }

    @Test
    void aCommittedWriteIsPublishedOnlyOnceItCommitted() {
        context.run(app -> {
            Hub hub = app.getBean(Hub.class);
            JdbcTemplate db = app.getBean(JdbcTemplate.class);
            AfterCommit afterCommit = app.getBean(AfterCommit.class);
            db.execute("create table if not exists card (title varchar(100))");

            app.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
                db.update("insert into card values ('kept')");
                afterCommit.publish(List.of("board"), SseEvent.message("card", "kept"));
                assertThat(hub.stats().eventsPublished()).as("not before the commit").isZero();
            });

            assertThat(hub.stats().eventsPublished()).isEqualTo(1);
        });
    }

    @Test
    void outsideATransactionItPublishesAtOnce() {
        context.run(app -> {
            app.getBean(AfterCommit.class).publish(List.of("board"), SseEvent.message("card", "now"));
            assertThat(app.getBean(Hub.class).stats().eventsPublished()).isEqualTo(1);
        });
    }
}
