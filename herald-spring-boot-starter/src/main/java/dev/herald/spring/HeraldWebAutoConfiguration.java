package dev.herald.spring;

import dev.herald.hub.Hub;
import dev.herald.mercure.Mercure;
import dev.herald.servlet.HeraldStreams;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Herald in a Spring MVC application: the Mercure hub endpoint at {@value Mercure#HUB_PATH} (where
 * {@code PageStream.url()} points pages), and the client assets that {@code PageStream.scripts()} and
 * {@code Dialect.scripts()} name, under {@code /assets/}, as {@code HeraldServer} serves them.
 */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public class HeraldWebAutoConfiguration {

    /** The protocol of the hub endpoint; publishing over HTTP only with {@code herald.hub.publisher-jwt-key}. */
    @Bean
    @ConditionalOnMissingBean
    public Mercure heraldMercure(Hub hub, HeraldProperties properties) {
        return Mercure.builder(hub).publisherJwtKey(properties.getHub().getPublisherJwtKey()).build();
    }

    /** The hub endpoint, an asynchronous servlet beside Spring MVC's dispatcher; off with {@code herald.hub.enabled=false}. */
    @Bean
    @ConditionalOnBooleanProperty(name = "herald.hub.enabled", matchIfMissing = true)
    public ServletRegistrationBean<HttpServlet> heraldHubEndpoint(HeraldStreams streams, Mercure mercure,
                                                                 HeraldProperties properties) {
        ServletRegistrationBean<HttpServlet> endpoint = new ServletRegistrationBean<>(
                streams.hubServlet(mercure, properties.getHub().getMaxPublishBytes()), Mercure.HUB_PATH);
        endpoint.setName("heraldHub");
        endpoint.setAsyncSupported(true);
        return endpoint;
    }

    /** Every asset URL carries its version (a release in the path, a hash of the bytes): cached as immutable for a year. */
    @Bean
    public WebMvcConfigurer heraldAssets() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/assets/**")
                        .addResourceLocations("classpath:/META-INF/resources/webjars/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
            }
        };
    }
}
