package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.jetty.HeraldServer;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HERALD_PUBLISHER_JWT_PUBLIC_KEY_FILE} and {@code HERALD_SUBSCRIBER_JWT_PUBLIC_KEY_FILE}: the
 * app verifies RS256 and ES256 tokens with the public keys in those PEM files, as an identity
 * provider holding the private keys signs them — here a freshly generated RSA and EC P-256 pair.
 */
class PublicKeyTokensTest {

    @TempDir
    Path dir;

    private static KeyPair generate(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private Path pem(String name, PublicKey key) throws Exception {
        return Files.writeString(dir.resolve(name), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void rs256PublishersAndEs256SubscribersAreVerifiedWithTheirPublicKeyFiles() throws Exception {
        KeyPair publisher = generate("RSA");
        KeyPair subscriber = generate("EC");
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) publisher.getPublic(), (RSAPrivateKey) publisher.getPrivate());
        Algorithm es256 = Algorithm.ECDSA256((ECPublicKey) subscriber.getPublic(), (ECPrivateKey) subscriber.getPrivate());
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TestApp app = TestApp.start(data, Map.of(
                "HERALD_PUBLISHER_JWT_PUBLIC_KEY_FILE", pem("publisher.pem", publisher.getPublic()).toString(),
                "HERALD_SUBSCRIBER_JWT_PUBLIC_KEY_FILE", pem("subscriber.pem", subscriber.getPublic()).toString()))) {
            String subscriberToken = JWT.create().withHeader(Map.of("typ", "at+jwt"))
                    .withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
                    .withClaim("authorization_details", List.of(Map.of("type", "https://mercure.rocks/authorization-detail",
                            "actions", List.of("subscribe"), "topics", List.of(Map.of("match", "users/42")))))
                    .sign(es256);
            String publisherToken = JWT.create().withClaim("mercure", Map.of("publish", List.of("users/42"))).sign(rs256);

            try (SseRecorder authorized = SseRecorder.connect(app.client(), app.uri("/.well-known/mercure?match=users/42"),
                    "Authorization", "Bearer " + subscriberToken);
                 SseRecorder anonymous = SseRecorder.connect(app.client(), app.uri("/.well-known/mercure?match=users/42"))) {
                assertThat(publish(app, publisherToken, "private=on&data=secret").statusCode()).isEqualTo(200);
                assertThat(publish(app, publisherToken, "data=public").statusCode()).isEqualTo(200);

                assertThat(authorized.nextMessage().data()).isEqualTo("secret");
                assertThat(authorized.nextMessage().data()).isEqualTo("public");
                assertThat(anonymous.nextMessage().data()).isEqualTo("public");
            }

            // Each role's key verifies that role's tokens only.
            String subscriberSignedPublish = JWT.create().withClaim("mercure", Map.of("publish", List.of("*"))).sign(es256);
            HttpResponse<String> refused = publish(app, subscriberSignedPublish, "data=forged");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).startsWith("invalid publisher JWT: its alg ES256 is not one this hub verifies publisher tokens with");
            HttpResponse<String> rsaSubscriber = app.send(HttpRequest.newBuilder(app.uri("/.well-known/mercure?match=users/42"))
                    .header("Authorization", "Bearer " + JWT.create().sign(rs256)).build());
            assertThat(rsaSubscriber.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aKeyFileThatIsMissingOrHoldsNoPublicKeyStopsTheAppNamingTheVariable() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_PUBLISHER_JWT_PUBLIC_KEY_FILE", dir.resolve("none.pem").toString())))
                .hasMessage("HERALD_PUBLISHER_JWT_PUBLIC_KEY_FILE=" + dir.resolve("none.pem") + " is not valid: expected a readable file");
        Path notAKey = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TestApp.start(data, Map.of("HERALD_SUBSCRIBER_JWT_PUBLIC_KEY_FILE", notAKey.toString())))
                .isInstanceOf(AppConfig.InvalidSettingException.class)
                .hasMessage("HERALD_SUBSCRIBER_JWT_PUBLIC_KEY_FILE: " + notAKey
                        + " holds no -----BEGIN PUBLIC KEY----- block (PEM, X.509 SubjectPublicKeyInfo)");
    }

    private static HttpResponse<String> publish(TestApp app, String token, String fields) {
        return app.send(HttpRequest.newBuilder(app.uri("/.well-known/mercure"))
                .header("Authorization", "Bearer " + token)
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topic=users/42&" + fields)).build());
    }
}
