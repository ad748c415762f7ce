package dev.herald.app.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.agent.loop.ModelClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The provider tests again, on the runnable jar: the shade plugin leaves out the SDK classes and
 * artifacts the agent does not use, and failsafe runs these on that jar alone (in place of the app's
 * classes and of every compile and runtime dependency), so a class left out that a provider path
 * needs fails here, not in production. The tests are the nested classes: run this class alone with
 * {@code -Dit.test='ProvidersInRunnableJarIT*'} (a bare class name selects none of them).
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
