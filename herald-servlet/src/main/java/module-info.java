/**
 * Herald in a Jakarta Servlet 6 container: application streams and the Mercure endpoint as a
 * servlet. The container provides {@code jakarta.servlet}.
 */
module dev.herald.servlet {
    requires transitive dev.herald.core;
    requires transitive dev.herald.mercure;
    requires transitive jakarta.servlet;

    exports dev.herald.servlet;
}
