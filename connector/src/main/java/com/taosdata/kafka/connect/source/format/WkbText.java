package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiConsumer;

/**
 * Well-known binary (what TDengine returns for GEOMETRY) to well-known text (what its line protocol's
 * {@code G"..."} values take), for the two-dimensional types TDengine stores: points, line strings, polygons,
 * their multi forms and collections.
 */
final class WkbText {

    private WkbText() {}

    static String toText(byte[] wkb) {
        try {
            StringBuilder out = new StringBuilder();
            geometry(ByteBuffer.wrap(wkb), out);
            return out.toString();
        } catch (BufferUnderflowException e) {
            throw new UnsupportedValueException("truncated WKB geometry of " + wkb.length + " bytes");
        }
    }

    private static void geometry(ByteBuffer in, StringBuilder out) {
        in.order(in.get() == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int type = in.getInt();
        switch (type) {
            case 1:
                out.append("POINT");
                point(in, out);
                break;
            case 2:
                out.append("LINESTRING");
                points(in, out);
                break;
            case 3:
                out.append("POLYGON");
                rings(in, out);
                break;
            case 4:
            case 5:
            case 6:
            case 7:
                out.append(
                        type == 4
                                ? "MULTIPOINT"
                                : type == 5 ? "MULTILINESTRING" : type == 6 ? "MULTIPOLYGON" : "GEOMETRYCOLLECTION");
                members(in, out, type == 7);
                break;
            default:
                throw new UnsupportedValueException(
                        "WKB geometry type " + type + " (3D, measured or unknown) has no " + "line protocol form");
        }
    }

    private static void point(ByteBuffer in, StringBuilder out) {
        double x = in.getDouble();
        double y = in.getDouble();
        if (Double.isNaN(x) && Double.isNaN(y)) {
            out.append(" EMPTY");
            return;
        }
        out.append('(')
                .append(TextValues.plain(x))
                .append(' ')
                .append(TextValues.plain(y))
                .append(')');
    }

    private static void points(ByteBuffer in, StringBuilder out) {
        list(
                in,
                out,
                (buffer, text) -> text.append(TextValues.plain(buffer.getDouble()))
                        .append(' ')
                        .append(TextValues.plain(buffer.getDouble())));
    }

    private static void rings(ByteBuffer in, StringBuilder out) {
        list(in, out, WkbText::points);
    }

    /** A WKB count, then that many elements: WKT's {@code EMPTY}, or the elements in parentheses, comma-separated. */
    private static void list(ByteBuffer in, StringBuilder out, BiConsumer<ByteBuffer, StringBuilder> element) {
        int count = in.getInt();
        if (count == 0) {
            out.append(" EMPTY");
            return;
        }
        out.append('(');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(", ");
            }
            element.accept(in, out);
        }
        out.append(')');
    }

    /** Members of a multi geometry or collection: each a complete WKB geometry with its own header. */
    private static void members(ByteBuffer in, StringBuilder out, boolean tagged) {
        list(in, out, (buffer, text) -> {
            StringBuilder member = new StringBuilder();
            geometry(buffer, member);
            // Multi geometries list their members untagged: MULTIPOINT((1 2), (3 4)), not MULTIPOINT(POINT(1 2), ...).
            text.append(
                    tagged
                            ? member
                            : member.substring(firstParenOrSpace(member)).trim());
        });
    }

    private static int firstParenOrSpace(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ' ') {
                return i;
            }
        }
        return text.length();
    }
}
