/** The Mercure protocol over Herald's hub, transport neutral: subscribe and publish requests, their answers, authorization. */
module dev.herald.mercure {
    requires transitive dev.herald.core;
    requires com.auth0.jwt;

    exports dev.herald.mercure;
}
