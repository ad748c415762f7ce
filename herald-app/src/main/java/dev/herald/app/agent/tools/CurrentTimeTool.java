package dev.herald.app.agent.tools;

import static dev.herald.app.agent.tools.Inputs.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** {@value #NAME}: the server's clock, in UTC or a named time zone. */
final class CurrentTimeTool implements Tool {

    static final String NAME = AppTools.CURRENT_TIME;

    private final Clock clock;

    CurrentTimeTool(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ToolSpec spec() {
        ObjectNode properties = NODES.objectNode();
        properties.set("time_zone", Inputs.property("string",
                "An IANA time zone such as Europe/Paris; absent for UTC."));
        return new ToolSpec(NAME, "The current date and time on the server.", Inputs.schema(properties));
    }

    @Override
    public JsonNode call(JsonNode input) {
        String zoneName = Inputs.text(input, "time_zone");
        ZoneId zone;
        try {
            zone = zoneName.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"time_zone\" is not a time zone: " + zoneName);
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        return NODES.objectNode()
                .put("utc", now.toInstant().toString())
                .put("time_zone", zone.getId())
                .put("local", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("day_of_week", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
}
