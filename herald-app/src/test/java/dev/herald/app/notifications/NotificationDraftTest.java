package dev.herald.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.notifications.NotificationDraft.Check;
import org.junit.jupiter.api.Test;

class NotificationDraftTest {

    @Test
    void aTitleIsRequired() {
        assertThat(NotificationDraft.check(null, "body")).isEqualTo(new Check.Invalid("A title is required."));
        assertThat(NotificationDraft.check(" \t\n", "body")).isEqualTo(new Check.Invalid("A title is required."));
    }

    @Test
    void theTitleLosesSurroundingBlanksAndTheBodyItsTrailingOnes() {
        assertThat(NotificationDraft.check("  Deploy  ", "  indented\nsecond line\n\n"))
                .isEqualTo(new Check.Valid(new NotificationDraft("Deploy", "  indented\nsecond line")));
    }

    @Test
    void aTitleIsOneLine_theBodyKeepsItsLineBreaks() {
        for (String title : new String[] {"a\nb", "a\r\nb", "a\tb", "a\u0007b"}) {
            assertThat(NotificationDraft.check(title, "")).as(title)
                    .isEqualTo(new Check.Invalid("A title is one line: it cannot contain line breaks or control characters."));
        }
        assertThat(NotificationDraft.check("Deploy", "one\r\ntwo\tthree")).isInstanceOf(Check.Valid.class);
    }

    @Test
    void aMissingBodyIsEmpty() {
        assertThat(NotificationDraft.check("Deploy", null)).isEqualTo(new Check.Valid(new NotificationDraft("Deploy", "")));
    }

    @Test
    void aTitleOfTwoHundredCharactersIsAcceptedAndOneMoreIsNot() {
        assertThat(NotificationDraft.check("t".repeat(200), "")).isInstanceOf(Check.Valid.class);
        assertThat(NotificationDraft.check("t".repeat(201), ""))
                .isEqualTo(new Check.Invalid("The title has 201 characters; at most 200 are allowed."));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        assertThat(NotificationDraft.check("🔔".repeat(200), "")).isInstanceOf(Check.Valid.class);
    }

    @Test
    void aBodyOfMoreThanFiveThousandCharactersIsRefused() {
        assertThat(NotificationDraft.check("t", "b".repeat(5000))).isInstanceOf(Check.Valid.class);
        assertThat(NotificationDraft.check("t", "b".repeat(5001)))
                .isEqualTo(new Check.Invalid("The body has 5001 characters; at most 5000 are allowed."));
    }
}
