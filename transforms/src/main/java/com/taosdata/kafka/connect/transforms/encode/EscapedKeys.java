package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import java.util.Arrays;

/**
 * Line-protocol keys escaped once rather than per record: the records of one schema name the same tag and field
 * keys in the same order, so each position remembers its last key and that key's text, from the separator before
 * it to the {@code =} after it. A key that cannot be written is refused every time it comes, never remembered.
 */
final class EscapedKeys {

    private final String what;
    private final String firstSeparator;
    private final String separator;
    private String[] keys = new String[8];
    private String[] texts = new String[8];

    /**
     * {@code what} names the keys in errors: "tag key" or "field key"; {@code firstSeparator} goes before the key at
     * position 0, {@code separator} before every other one.
     */
    EscapedKeys(String what, String firstSeparator, String separator) {
        this.what = what;
        this.firstSeparator = firstSeparator;
        this.separator = separator;
    }

    /** Appends the separator before key number {@code index}, the key escaped, and the {@code =} after it. */
    void append(StringBuilder out, int index, String key) {
        if (index >= keys.length) {
            keys = Arrays.copyOf(keys, Math.max(index + 1, keys.length * 2));
            texts = Arrays.copyOf(texts, keys.length);
        }
        if (!key.equals(keys[index])) {
            StringBuilder text = new StringBuilder(key.length() + 2);
            text.append(index == 0 ? firstSeparator : separator);
            LineEscaper.appendKey(text, key, what);
            texts[index] = text.append('=').toString();
            keys[index] = key;
        }
        out.append(texts[index]);
    }
}
