/**
 * Test support for Herald and its users: an SSE recorder, awaiting, a browser (Playwright with the
 * machine's Chromium), an in-memory broker and the contract every broker passes.
 */
module dev.herald.testing {
    requires transitive dev.herald.core;
    requires transitive java.net.http;
    requires transitive org.junit.jupiter.api;
    // Playwright's jar has no module name: this one is derived from its file name.
    requires transitive playwright;
    requires org.assertj.core;

    exports dev.herald.testing;
    // BrokerContract's tests are package-private methods that JUnit calls by reflection.
    opens dev.herald.testing to org.junit.platform.commons;
}
