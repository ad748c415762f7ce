package dev.herald.app.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.agent.loop.ModelClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The provider tests again, on the runnable jar: the shade plugin leaves out the SDK models the
 * agent does not use, and failsafe runs these with that jar in place of the SDK jars, so a class
 * left out that a provider path needs fails here, not in production.
 */
class ProvidersInRunnableJarIT {

    @Test
    void theSdksAreLoadedFromTheRunnableJar() {
        assertThat(ModelClient.class.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith(".jar");
        assertThat(com.anthropic.client.AnthropicClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("herald-app.jar");
        assertThat(com.openai.client.OpenAIClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("herald-app.jar");
    }

    @Nested
    class Anthropic extends AnthropicModelTest {
    }

    @Nested
    class OpenAi extends OpenAiModelTest {
    }
}
