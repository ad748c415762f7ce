package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each asset path names a file this module's classpath holds, so a version bump cannot leave a dead link. */
class ClientAssetsTest {

    @Test
    void everyAssetIsOnTheClasspathUnderTheWebJarsRoot() {
        for (String path : new String[] {ClientAssets.HTMX, ClientAssets.SSE_EXTENSION, ClientAssets.HYPERSCRIPT,
                ClientAssets.HERALD_SSE, ClientAssets.HTMX_4, ClientAssets.HTMX_4_SSE, ClientAssets.HERALD_HTMX_4}) {
            assertThat(path).startsWith("/assets/");
            String resource = "META-INF/resources/webjars/" + path.substring("/assets/".length());
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
        }
    }

    @Test
    void theVendoredHtmx4ShipsWithItsLicence() {
        assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/htmx.org/4.0.1/LICENSE")).isNotNull();
    }
}
