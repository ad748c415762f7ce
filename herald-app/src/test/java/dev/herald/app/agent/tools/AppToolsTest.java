package dev.herald.app.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.chat.ChatMessageSearch;
import dev.herald.app.db.Database;
import dev.herald.app.db.OnEachEngine;
import dev.herald.app.notifications.NotificationDraft;
import dev.herald.app.notifications.NotificationRepository;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's tools over the app's own database, on each engine. */
@OnEachEngine
class AppToolsTest {

    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26.535Z");

    private Toolbox tools;

    @BeforeEach
    void open(Database database) {
        tools = AppTools.create(new NotificationRepository(database), Clock.fixed(NOW, ZoneOffset.UTC),
                Optional.of(new ChatMessageSearch(database)), Optional.empty(), Optional.empty());
    }

    @Test
    void theModelIsToldOfTheToolsThisAppHas() {
        assertThat(tools.specs()).extracting(ToolSpec::name)
                .containsExactly("search_notifications", "search_chat_messages", "current_time");
        assertThat(tools.specs().getFirst().inputSchema().toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":"
                        + "\"Text to find in titles and bodies, ignoring case; empty or absent for the newest notifications.\"},"
                        + "\"limit\":{\"type\":\"integer\",\"description\":\"How many at most, 1-20 (default 10).\",\"minimum\":1,\"maximum\":20}}}");
    }

    @Test
    void notificationsAreSearchedInTitlesAndBodiesWithLikeWildcardsTakenLiterally(Database database) {
        NotificationRepository notifications = new NotificationRepository(database);
        notifications.insert(new NotificationDraft("Deploy finished", "100% green"), NOW);
        notifications.insert(new NotificationDraft("Disk at 100", "almost full"), NOW);

        assertThat(run("search_notifications", "{\"query\": \"100%\"}").output())
                .contains("\"found\" : 1", "\"title\" : \"Deploy finished\"", "\"created_at\" : \"2026-03-14T15:09:26Z\"",
                        "\"unread_in_app\" : 2");
        assertThat(run("search_notifications", "{\"query\": \"DEPLOY\"}").output()).contains("\"found\" : 1");
        assertThat(run("search_notifications", "{}").output()).contains("\"found\" : 2");
    }

    @Test
    void chatMessagesAreSearchedWithTheirRoom(Database database) {
        database.transaction(c -> {
            try (PreparedStatement room = c.prepareStatement("INSERT INTO chat_rooms (name, created_at) VALUES ('ops', ?)");
                 PreparedStatement message = c.prepareStatement(
                         "INSERT INTO chat_messages (room_id, author, body, created_at) VALUES (1, 'ada', ?, ?)")) {
                room.setString(1, NOW.toString());
                room.executeUpdate();
                message.setString(1, "the deploy is <b>done</b>");
                message.setString(2, NOW.toString());
                return message.executeUpdate();
            }
        });

        assertThat(run("search_chat_messages", "{\"query\": \"deploy\"}").output())
                .contains("\"room\" : \"ops\"", "\"author\" : \"ada\"", "\"text\" : \"the deploy is <b>done</b>\"");
        assertThat(run("search_chat_messages", "{\"query\": \"ADA\"}").output()).contains("\"found\" : 1");
        assertThat(run("search_chat_messages", "{\"query\": \"nothing like it\"}").output()).contains("\"found\" : 0");
    }

    @Test
    void theTimeIsTheServersClockInUtcOrANamedZone() {
        assertThat(run("current_time", "{}").output()).contains("\"utc\" : \"2026-03-14T15:09:26Z\"", "\"day_of_week\" : \"Saturday\"");
        assertThat(run("current_time", "{\"time_zone\": \"Asia/Tokyo\"}").output())
                .contains("\"local\" : \"2026-03-15T00:09:26+09:00\"", "\"day_of_week\" : \"Sunday\"");
    }

    @Test
    void badCallsAreResultsTheModelCanReadNotExceptions() {
        assertThat(run("current_time", "{\"time_zone\": \"Mars/Olympus\"}"))
                .isEqualTo(new ToolResult("call-1", "\"time_zone\" is not a time zone: Mars/Olympus", true));
        assertThat(run("search_notifications", "{\"limit\": 500}").output())
                .isEqualTo("\"limit\" must be a whole number from 1 to 20, was 500");
        assertThat(run("search_notifications", "{\"query\": 7}").output()).isEqualTo("\"query\" must be a string, was 7");
        assertThat(run("search_notifications", "{\"query\": ").output()).startsWith("The input of search_notifications is not JSON");
        assertThat(run("search_notifications", "[1]").output())
                .isEqualTo("The input of search_notifications must be a JSON object, was: [1]");
        assertThat(run("list_jobs", "{}")).isEqualTo(new ToolResult("call-1",
                "There is no tool named \"list_jobs\"; the tools are [search_notifications, search_chat_messages, current_time].", true));
    }

    private ToolResult run(String tool, String input) {
        return tools.run(new ToolCall("call-1", tool, input));
    }
}
