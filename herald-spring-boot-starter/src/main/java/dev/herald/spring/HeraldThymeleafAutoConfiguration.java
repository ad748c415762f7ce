package dev.herald.spring;

import dev.herald.spring.thymeleaf.HeraldDialect;
import dev.herald.spring.thymeleaf.ThymeleafRenderer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf templates (with {@code spring-boot-starter-thymeleaf}): the {@link HeraldDialect}, which
 * Spring Boot adds to the template engine, for a page's connect, region and script markup; and a
 * {@link ThymeleafRenderer} on the application's engine, to render a fragment to publish with the
 * templates the pages use.
 */
@AutoConfiguration(afterName = "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration")
@ConditionalOnClass(SpringTemplateEngine.class)
public class HeraldThymeleafAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public HeraldDialect heraldDialect() {
        return new HeraldDialect();
    }

    @Bean
    @ConditionalOnBean(ITemplateEngine.class)
    @ConditionalOnMissingBean
    public ThymeleafRenderer heraldThymeleafRenderer(ITemplateEngine templates) {
        return ThymeleafRenderer.of(templates);
    }
}
