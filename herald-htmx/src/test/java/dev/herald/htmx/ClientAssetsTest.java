package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each asset path names a file this module's classpath holds, so a version bump cannot leave a dead link. */
class ClientAssetsTest {

    @Test
    void everyAssetIsOnTheClasspathUnderTheWebJarsRoot() {
        for (String path : new String[] {ClientAssets.HTMX, ClientAssets.SSE_EXTENSION, ClientAssets.HYPERSCRIPT,
                ClientAssets.HERALD_SSE, ClientAssets.HTMX_4, ClientAssets.HTMX_4_SSE, ClientAssets.HERALD_HTMX_4,
                ClientAssets.HERALD_SHARE, ClientAssets.HERALD_TABS}) {
            assertThat(path).startsWith("/assets/");
            String resource = "META-INF/resources/webjars/" + path.substring("/assets/".length()).replaceFirst("\\?v=.*", "");
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
        }
    }

    @Test
    void heraldsOwnScriptsCarryAHashOfTheirBytesSoAnEditChangesTheirUrl() throws Exception {
        byte[] bytes;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/herald/1/herald-sse.js")) {
            bytes = in.readAllBytes();
        }
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(ClientAssets.HERALD_SSE).isEqualTo("/assets/herald/1/herald-sse.js?v=" + hash.substring(0, 12));
        assertThat(ClientAssets.HERALD_HTMX_4).matches("/assets/herald/1/herald-htmx4\\.js\\?v=[0-9a-f]{12}");
        assertThatThrownBy(() -> ClientAssets.versioned("herald/1/missing.js"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no asset META-INF/resources/webjars/herald/1/missing.js on the classpath");
    }

    @Test
    void theVendoredHtmx4ShipsWithItsLicence() {
        assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/htmx.org/4.0.1/LICENSE")).isNotNull();
    }
}
