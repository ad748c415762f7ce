package dev.herald.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys the hub verifies subscriber tokens with, given that the app signs tokens of its own (its
 * visitors' cookies, {@code VisitorCookies}) with an HS256 one: the configured subscriber key; else,
 * as the hub does without one, the publisher key (when no subscriber public key is set); else a key
 * of the app's own, made once and kept in the data directory (so that a restart does not turn every
 * open page's token invalid). With it the hub also keeps the public key it would have used.
 *
 * @param secret    the HS256 key: the app signs with it, the hub verifies with it
 * @param publicKey the PEM file of subscribers' RS256 / ES256 tokens, or {@code null}
 */
record SubscriberKeys(String secret, Path publicKey) {

    static final String KEY_FILE = "subscriber-jwt.key";

    static SubscriberKeys of(AppConfig config) {
        String configured = config.subscribers().jwtKey();
        Path publicKey = config.hub().subscriberPublicKey();
        if (configured == null && publicKey == null) {
            // The hub's own fallback: the publisher's keys.
            configured = config.publisherJwtKey();
            publicKey = config.hub().publisherPublicKey();
        }
        return new SubscriberKeys(configured != null ? configured : keptKey(config.dataDir()), publicKey);
    }

    /** The key in the data directory, made on first use (32 random bytes, base64url; readable by the owner only where the file system says so). */
    private static String keptKey(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.createDirectories(dataDir);
                Path fresh = Files.createTempFile(dataDir, KEY_FILE, ".new");
                Files.writeString(fresh, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(fresh, file); // atomic where it matters: a second node on the same directory keeps the first key
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(fresh);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the subscriber JWT key in " + file
                    + " (set HERALD_SUBSCRIBER_JWT_KEY instead)", e);
        }
    }
}
