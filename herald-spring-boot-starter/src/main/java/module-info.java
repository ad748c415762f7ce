/**
 * Herald's Spring Boot auto-configuration: the hub, its servlet endpoint, the htmx layer, meters,
 * health and publishing after commit. Spring's jars are automatic modules (their manifests name
 * them). What the starter adapts to only when the application has it (Spring MVC, Actuator,
 * transactions, Thymeleaf, herald-redis) is required {@code static}. Spring Boot itself runs applications
 * on the class path; this descriptor makes the starter's API and dependencies explicit.
 */
module dev.herald.spring {
    requires transitive dev.herald.core;
    requires transitive dev.herald.htmx;
    requires transitive dev.herald.servlet;
    requires static dev.herald.redis;

    requires transitive spring.beans;
    requires transitive spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires org.apache.commons.logging;
    requires static transitive spring.webmvc;
    requires static spring.web;
    requires static spring.tx;
    requires static transitive spring.boot.health;
    requires static transitive micrometer.core;
    requires static transitive thymeleaf;
    requires static thymeleaf.spring6;

    exports dev.herald.spring;
    exports dev.herald.spring.thymeleaf;
    // Spring reads the configuration and properties classes by reflection and subclasses the configurations.
    opens dev.herald.spring;
}
