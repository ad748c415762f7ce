package dev.herald.mercure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mercure 0.x topic selectors that are URI Templates (RFC 6570), matched against topics. */
class UriTemplateSelectorTest {

    private static boolean matches(String template, String topic) {
        return UriTemplateSelector.compile(template).matches(topic);
    }

    @Test
    void aSimpleVariableMatchesOneSegment() {
        assertThat(matches("https://example.com/books/{id}", "https://example.com/books/1")).isTrue();
        assertThat(matches("https://example.com/books/{id}", "https://example.com/books/1/pages")).isFalse();
        assertThat(matches("https://example.com/books/{id}", "https://example.com/films/1")).isFalse();
        assertThat(matches("https://example.com/books/{id}.json", "https://example.com/books/a.b.json")).isTrue();
    }

    @Test
    void operators() {
        assertThat(matches("https://example.com{/path*}", "https://example.com/a/b")).isTrue();
        assertThat(matches("https://example.com/{+rest}", "https://example.com/a/b?c=d")).isTrue();
        assertThat(matches("https://example.com/users/foo/{?topic}", "https://example.com/users/foo/?topic=https%3A%2F%2Fexample.com%2Fbooks%2F1")).isTrue();
        assertThat(matches("https://example.com/s{?q,lang}", "https://example.com/s?q=a&lang=fr")).isTrue();
        assertThat(matches("https://example.com/s{?q}", "https://example.com/s")).isTrue();
        assertThat(matches("https://example.com/m{;x,y}", "https://example.com/m;x=1;y")).isTrue();
        assertThat(matches("https://example.com/d{#frag}", "https://example.com/d#a/b")).isTrue();
        assertThat(matches("host{.domain}", "host.example.com")).isTrue();
    }

    @Test
    void literalsAreExact() {
        assertThat(matches("https://example.com/a.b/{x}", "https://example.com/aXb/1")).isFalse();
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThatThrownBy(() -> UriTemplateSelector.compile("https://example.com/{id")).hasMessage("a { without its }");
        assertThatThrownBy(() -> UriTemplateSelector.compile("https://example.com/id}")).hasMessage("a } without its {");
        assertThatThrownBy(() -> UriTemplateSelector.compile("https://example.com/{a b}")).hasMessageContaining("is not a variable name");
    }
}
