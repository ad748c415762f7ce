package dev.herald.spring;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Herald in a Spring MVC application: the client assets that {@code PageStream.scripts()} and
 * {@code Dialect.scripts()} name, under {@code /assets/}, as {@code HeraldServer} serves them.
 */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public class HeraldWebAutoConfiguration {

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
