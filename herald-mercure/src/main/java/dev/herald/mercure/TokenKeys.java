package dev.herald.mercure;

import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The keys one role's tokens (publisher's or subscriber's) are verified with: an HS256 secret, a
 * public key (RSA: RS256, EC P-256: ES256), or both. The algorithm allowlist is exactly what the
 * keys allow; a token's {@code alg} picks among them and can never bring a key of its own
 * (RFC 8725 §3.1; Mercure 1.0 "Token Validation").
 *
 * @param secret    the HS256 key, or {@code null}
 * @param publicKey an RSA or EC public key, or {@code null}
 */
record TokenKeys(String secret, PublicKey publicKey) {

    static final TokenKeys NONE = new TokenKeys(null, null);

    boolean isEmpty() {
        return secret == null && publicKey == null;
    }

    /** The algorithm that verifies a token whose header says {@code alg}, or {@code null} if none may. */
    Algorithm algorithm(String alg) {
        if ("HS256".equals(alg) && secret != null) {
            return Algorithm.HMAC256(secret);
        }
        if ("RS256".equals(alg) && publicKey instanceof RSAPublicKey rsa) {
            return Algorithm.RSA256(rsa, null);
        }
        if ("ES256".equals(alg) && publicKey instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return Algorithm.ECDSA256(ec, null);
        }
        return null;
    }

    /**
     * Reads a PEM file holding one {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), RSA or EC.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static PublicKey readPublicKey(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key file " + pem, e);
        }
        int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = text.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(pem + " holds no -----BEGIN PUBLIC KEY----- block (PEM, X.509 SubjectPublicKeyInfo)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 26, end));
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException(pem + " holds neither an RSA nor an EC public key");
    }
}
