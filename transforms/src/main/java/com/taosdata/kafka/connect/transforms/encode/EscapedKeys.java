package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import java.util.Arrays;

/**
 * Line-protocol keys escaped once rather than per record: the records of one schema name the same tag and field
 * keys in the same order, so each position remembers its last key and that key's escaped text. A key that cannot
 * be written is refused every time it comes, never remembered.
 */
final class EscapedKeys {

    private final String what;
    private String[] keys = new String[8];
    private String[] texts = new String[8];

    /** {@code what} names the keys in errors: "tag key" or "field key". */
    EscapedKeys(String what) {
        this.what = what;
    }

    /** Appends key number {@code index}, escaped, and the {@code =} that follows it. */
    void append(StringBuilder out, int index, String key) {
        if (index >= keys.length) {
            keys = Arrays.copyOf(keys, Math.max(index + 1, keys.length * 2));
            texts = Arrays.copyOf(texts, keys.length);
        }
        if (!key.equals(keys[index])) {
            StringBuilder text = new StringBuilder(key.length() + 1);
            LineEscaper.appendKey(text, key, what);
            texts[index] = text.append('=').toString();
            keys[index] = key;
        }
        out.append(texts[index]);
    }
}
