/**
 * Herald for htmx pages: contracts, fragments, the markup of a page's stream, JTE rendering and the
 * client assets. The WebJars are required so that their files (read as resources under
 * {@code META-INF/resources/webjars/}) are in the module graph; they have no module names of their
 * own, so these are the names derived from their jar files.
 */
module dev.herald.htmx {
    requires transitive dev.herald.core;
    requires transitive gg.jte.runtime;
    requires htmx.org;
    requires htmx.ext.sse;
    requires hyperscript.org;

    exports dev.herald.htmx;
}
