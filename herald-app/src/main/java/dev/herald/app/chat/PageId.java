package dev.herald.app.chat;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A room page's id: 16 random hex digits, drawn when the page is rendered. */
final class PageId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageId() {
    }

    static String generate() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean valid(String id) {
        return id != null && id.matches("[0-9a-f]{16}");
    }
}
