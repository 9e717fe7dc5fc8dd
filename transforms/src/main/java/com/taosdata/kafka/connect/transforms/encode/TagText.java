package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.transforms.point.FieldValueException;
import com.taosdata.kafka.connect.transforms.point.Point;

/**
 * Renders tag values as the text TDengine stores in its NCHAR tag columns and hands the non-empty ones to a
 * protocol's {@link Sink}; empty values are left out, as TDengine rejects them.
 */
final class TagText {

    /** Writes one tag in a protocol's syntax. */
    interface Sink {
        /** Appends tag number {@code index} (counting written tags only) to {@code out}. */
        void appendTag(StringBuilder out, String key, CharSequence value, int index);
    }

    private TagText() {}

    /** Appends every non-empty tag through {@code sink}; returns how many were written. */
    static int appendAll(
            Point.Entries tags, RenderOptions options, StringBuilder scratch, StringBuilder out, Sink sink) {
        int written = 0;
        for (int i = 0; i < tags.size(); i++) {
            CharSequence text = render(tags, i, options, scratch);
            if (text.length() == 0) {
                continue;
            }
            try {
                sink.appendTag(out, tags.key(i), text, written++);
            } catch (UnsupportedValueException e) {
                throw new FieldValueException(tags.key(i), e.getMessage(), e);
            }
        }
        return written;
    }

    /** The text of tag {@code index}: the String itself, or the value rendered into {@code scratch}. */
    private static CharSequence render(Point.Entries tags, int index, RenderOptions options, StringBuilder scratch) {
        Object value = tags.value(index);
        if (value instanceof String) {
            return (String) value;
        }
        scratch.setLength(0);
        try {
            tags.mapping(index).appendPlainValue(scratch, value, options);
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(tags.key(index), e.getMessage(), e);
        }
        return scratch;
    }
}
