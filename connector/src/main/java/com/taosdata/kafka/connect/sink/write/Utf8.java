package com.taosdata.kafka.connect.sink.write;

import java.util.List;

/** Sizes of text as TDengine receives it. */
final class Utf8 {

    private Utf8() {}

    /** The length of all of {@code texts} encoded as UTF-8. */
    static long length(List<String> texts) {
        long bytes = 0;
        for (String text : texts) {
            bytes += length(text);
        }
        return bytes;
    }

    /** The length of {@code text} encoded as UTF-8, without encoding it. */
    static long length(CharSequence text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // A lone surrogate is encoded as '?' by Java's encoder; three bytes elsewhere in the BMP.
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}
