package dev.herald.spring;

import dev.herald.hub.Hub;
import dev.herald.servlet.HeraldStreams;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Herald's part of {@code /actuator/health}, with Spring Boot Actuator on the classpath. */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class HeraldHealthAutoConfiguration {

    /**
     * {@code herald}: up, with the open streams, the subscribers and the hub's position as details.
     * The in-process hub has no outside dependency that could be down; a shared hub (Redis) will
     * report its broker here.
     */
    @Bean
    @ConditionalOnMissingBean(name = "heraldHealthIndicator")
    public HealthIndicator heraldHealthIndicator(Hub hub, HeraldStreams streams) {
        return () -> {
            return Health.up().withDetail("openStreams", streams.stats().openStreams())
                    .withDetail("subscribers", hub.subscriberCount())
                    .withDetail("position", hub.position())
                    .build();
        };
    }
}
