package dev.herald.mercure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Mercure 1.0's urlpattern matcher: WHATWG URL Pattern constructor strings, cases from the spec and the standard. */
class UrlPatternSelectorTest {

    private static final URI HUB = URI.create("https://hub.example.com/.well-known/mercure");

    private static boolean matches(String pattern, String topic) {
        return UrlPatternSelector.compile(pattern, HUB).matches(topic);
    }

    @Test
    void aNamedGroupMatchesOnePathSegment() {
        assertThat(matches("https://example.com/books/:id", "https://example.com/books/1")).isTrue();
        assertThat(matches("https://example.com/books/:id", "https://example.com/books/1/pages")).isFalse();
        assertThat(matches("https://example.com/books/:id", "https://example.com/books/")).isFalse();
        assertThat(matches("https://example.com/books/:id", "https://example.com/films/1")).isFalse();
        assertThat(matches("https://example.com/books/:id", "http://example.com/books/1")).isFalse();
        assertThat(matches("https://example.com/books/:id", "https://other.com/books/1")).isFalse();
    }

    @Test
    void searchAndHashLeftOutMatchAnything() {
        assertThat(matches("https://example.com/books/:id", "https://example.com/books/1?lang=fr#top")).isTrue();
        assertThat(matches("https://example.com/books/:id?lang=fr", "https://example.com/books/1?lang=en")).isFalse();
    }

    @Test
    void theHostAndSchemeAreCaseInsensitiveThePathIsNot() {
        assertThat(matches("https://example.com/books/:id", "HTTPS://Example.COM/books/1")).isTrue();
        assertThat(matches("https://example.com/books/:id", "https://example.com/Books/1")).isFalse();
    }

    @Test
    void theDefaultPortIsNoPort() {
        assertThat(matches("https://example.com/a", "https://example.com:443/a")).isTrue();
        assertThat(matches("https://example.com/a", "https://example.com:8443/a")).isFalse();
        assertThat(matches("https://example.com:8443/a", "https://example.com:8443/a")).isTrue();
    }

    @Test
    void wildcardsModifiersGroupsAndRegexps() {
        assertThat(matches("https://example.com/users/42/*", "https://example.com/users/42/books/1")).isTrue();
        assertThat(matches("https://example.com/books/:id?", "https://example.com/books")).isTrue();
        assertThat(matches("https://example.com/books/:id+", "https://example.com/books/1/2")).isTrue();
        assertThat(matches("https://example.com/books/:id(\\d+)", "https://example.com/books/12")).isTrue();
        assertThat(matches("https://example.com/books/:id(\\d+)", "https://example.com/books/x")).isFalse();
        assertThat(matches("https://example.com/books{/old}?/:id", "https://example.com/books/old/1")).isTrue();
        assertThat(matches("https://example.com/books{/old}?/:id", "https://example.com/books/1")).isTrue();
        assertThat(matches("https://*.example.com/a", "https://cdn.example.com/a")).isTrue();
    }

    @Test
    void relativePatternsAndTopicsResolveAgainstTheHubsUrl() {
        assertThat(matches("/.well-known/mercure/subscriptions/:topic", "/.well-known/mercure/subscriptions/x")).isTrue();
        assertThat(matches("/.well-known/mercure/subscriptions/:topic",
                "https://hub.example.com/.well-known/mercure/subscriptions/x")).isTrue();
        assertThat(matches("/books/:id", "https://example.com/books/1")).isFalse();
    }

    @Test
    void aTopicThatIsNoUrlMatchesNoPattern() {
        assertThat(matches("https://example.com/*", "not a url")).isFalse();
        assertThat(matches("https://example.com/*", "raw-string")).isFalse();
    }

    @Test
    void aPatternThatBacktracksWithoutEndDoesNotMatchAndReturns() {
        String evil = "https://example.com/((?:a|a)*)b";
        assertThat(matches(evil, "https://example.com/" + "a".repeat(60) + "c")).isFalse();
    }

    @Test
    void malformedPatternsAreRefused() {
        assertThatThrownBy(() -> UrlPatternSelector.compile("https://example.com/{a", HUB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a { without its }");
        assertThatThrownBy(() -> UrlPatternSelector.compile("https://example.com/(a", HUB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a ( without its )");
        assertThatThrownBy(() -> UrlPatternSelector.compile("books/:id", HUB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither absolute");
        assertThatThrownBy(() -> UrlPatternSelector.compile("https://example.com/a/:", HUB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a : without a name");
    }
}
