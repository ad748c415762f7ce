package dev.herald.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed PKCS12 key store for {@code localhost} and {@code 127.0.0.1}, made with the JDK's keytool. */
public final class SelfSignedKeyStore {

    /** The store's and the key's password. */
    public static final String PASSWORD = "changeit";

    private SelfSignedKeyStore() {
    }

    /**
     * Writes {@code herald-test.p12} in {@code dir}.
     *
     * @return the file
     * @throws IllegalStateException with keytool's output when it fails
     */
    public static Path create(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("herald-test.p12");
        String keytool = System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool";
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "herald", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(SseRecorder.TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return keyStore;
    }
}
