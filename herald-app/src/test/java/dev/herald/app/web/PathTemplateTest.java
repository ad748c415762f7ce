package dev.herald.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void anExactPathIsNoTemplate() {
        assertThat(PathTemplate.parse("/jobs")).isNull();
    }

    @Test
    void matchesOneNonEmptySegmentWhereTheParameterStands() {
        PathTemplate cancel = PathTemplate.parse("/jobs/{id}/cancel");

        assertThat(cancel.match("/jobs/42/cancel")).isEqualTo("42");
        assertThat(cancel.match("/jobs//cancel")).isNull();
        assertThat(cancel.match("/jobs/4/2/cancel")).isNull();
        assertThat(cancel.match("/jobs/42")).isNull();
        assertThat(PathTemplate.parse("/jobs/{id}").match("/jobs/42")).isEqualTo("42");
        assertThat(PathTemplate.parse("/jobs/{id}").match("/jobs/42/cancel")).isNull();
    }

    @Test
    void refusesAParameterThatIsNotAWholeSegmentOrASecondOne() {
        assertThatThrownBy(() -> PathTemplate.parse("/jobs/{id}x")).hasMessageContaining("a whole segment");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{x}/{y}")).hasMessageContaining("at most one parameter");
    }
}
