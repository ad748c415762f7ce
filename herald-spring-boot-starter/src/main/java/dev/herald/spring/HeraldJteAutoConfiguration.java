package dev.herald.spring;

import dev.herald.htmx.JteRenderer;
import gg.jte.TemplateEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * JTE templates (with {@code jte-spring-boot-starter-4}): a {@link JteRenderer} on the application's
 * {@link TemplateEngine}, to render a fragment to publish with the same templates the pages use.
 * Pages render a {@code PageStream}'s markup themselves: {@code ${page.connect(…)}} and
 * {@code ${page.region(…)}} are JTE content.
 */
@AutoConfiguration(afterName = "gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration")
@ConditionalOnClass(TemplateEngine.class)
public class HeraldJteAutoConfiguration {

    @Bean
    @ConditionalOnBean(TemplateEngine.class)
    @ConditionalOnMissingBean
    public JteRenderer heraldJteRenderer(TemplateEngine templates) {
        return JteRenderer.of(templates);
    }
}
