package dev.herald.sse;

/**
 * The UTF-8 decoder of the WHATWG Encoding standard, which §9.2.6 requires for event streams,
 * fed in chunks. Its state carries over from one chunk to the next, so a character split
 * between them decodes whole. Invalid input becomes U+FFFD the way browsers do it (one U+FFFD
 * per maximal invalid subpart), so a Java client sees the same text a browser would.
 */
final class Utf8Decoder {

    private int codePoint;
    private int bytesNeeded;
    private int bytesSeen;
    private int lowerBoundary = 0x80;
    private int upperBoundary = 0xBF;

    /**
     * Decodes {@code in[off, off + len)} into {@code out}, from index 0, and returns how many chars
     * it wrote. {@code out} must hold {@code 2 * len} chars: one byte can complete a surrogate
     * pair, or end an invalid sequence (U+FFFD) and be a character of its own.
     */
    int decode(byte[] in, int off, int len, char[] out) {
        int o = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int b = in[i] & 0xFF;
            if (bytesNeeded == 0) {
                o = lead(b, out, o);
            } else if (b < lowerBoundary || b > upperBoundary) {
                reset();
                out[o++] = '\uFFFD';
                // The standard "restores" the byte: it may start the next character.
                o = lead(b, out, o);
            } else {
                lowerBoundary = 0x80;
                upperBoundary = 0xBF;
                codePoint = (codePoint << 6) | (b & 0x3F);
                if (++bytesSeen == bytesNeeded) {
                    o = emit(codePoint, out, o);
                    reset();
                }
            }
        }
        return o;
    }

    /**
     * Ends a sequence the input stopped in the middle of: writes U+FFFD to {@code out[0]} and
     * returns 1, or returns 0 when no sequence was open.
     */
    int flush(char[] out) {
        if (bytesNeeded == 0) {
            return 0;
        }
        reset();
        out[0] = '\uFFFD';
        return 1;
    }

    /** Forgets a sequence the input stopped in the middle of. */
    void reset() {
        codePoint = 0;
        bytesNeeded = 0;
        bytesSeen = 0;
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
    }

    private int lead(int b, char[] out, int o) {
        if (b < 0x80) {
            out[o++] = (char) b;
        } else if (b >= 0xC2 && b <= 0xDF) {
            bytesNeeded = 1;
            codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            // The boundaries exclude overlong forms (E0) and the surrogates U+D800..U+DFFF (ED).
            if (b == 0xE0) {
                lowerBoundary = 0xA0;
            } else if (b == 0xED) {
                upperBoundary = 0x9F;
            }
            bytesNeeded = 2;
            codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            // ... and overlong forms (F0) and code points past U+10FFFF (F4).
            if (b == 0xF0) {
                lowerBoundary = 0x90;
            } else if (b == 0xF4) {
                upperBoundary = 0x8F;
            }
            bytesNeeded = 3;
            codePoint = b & 0x07;
        } else {
            out[o++] = '\uFFFD';
        }
        return o;
    }

    private static int emit(int codePoint, char[] out, int o) {
        if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            out[o++] = (char) codePoint;
        } else {
            out[o++] = Character.highSurrogate(codePoint);
            out[o++] = Character.lowSurrogate(codePoint);
        }
        return o;
    }
}
