package com.taosdata.kafka.connect.sink.row;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;

/**
 * Names the super table and the child table of a record. The super table comes from {@code table.name.format} and the
 * topic, made a name TDengine allows without quotes (lower case, underscores for dots and hyphens), so it is the
 * table an unquoted {@code CREATE STABLE} made. The child table comes from {@code child.table.name.format} with the
 * record's values, kept as they are; without it, from the super table and the tag values as {@code t_} and an MD5,
 * so the same tags always reach the same child table, whichever task writes them. Not thread-safe (it keeps the
 * names it made): one instance per thread.
 */
public final class TableNames {

    /** TDengine's longest table name, in bytes. */
    public static final int MAX_TABLE_NAME_BYTES = 192;

    public static final String TOPIC = "topic";

    private final NameTemplate superTable;
    private final NameTemplate childTable;
    private final Map<String, String> superTableByTopic = new HashMap<>();
    private String lastTopic;
    private String lastSuperTable;

    /** @param childTable the child table template, or {@code null} for hashed names */
    public TableNames(NameTemplate superTable, NameTemplate childTable) {
        this.superTable = superTable;
        this.childTable = childTable;
    }

    /** The super table of a record of {@code topic}. */
    public String superTable(String topic) {
        // Records come in runs of one topic.
        if (topic.equals(lastTopic)) {
            return lastSuperTable;
        }
        lastSuperTable = superTableByTopic.computeIfAbsent(topic, t -> {
            String name = Identifiers.replaceNotAllowed(superTable.fill(placeholder -> t))
                    .toLowerCase(Locale.ROOT);
            check(name, "super table name");
            return name;
        });
        lastTopic = topic;
        return lastSuperTable;
    }

    /**
     * The child table of a row.
     *
     * @param values the record's values by column name (its tags and fields), for the template's placeholders
     * @param tags   the row's tag values, aligned with {@code tagColumns}, for a hashed name
     * @throws DataException when a placeholder has no value or the name is no valid table name
     */
    public String childTable(String stable, String topic, Point values, List<StableColumn> tagColumns, Object[] tags) {
        if (hashesTags()) {
            return hashed(stable, tagColumns, tags);
        }
        String name = childTable.fill(placeholder -> {
            if (placeholder.equals(TOPIC)) {
                return topic;
            }
            Object value = find(values, placeholder);
            if (value == null) {
                throw new DataException("child.table.name.format '" + childTable + "' names ${" + placeholder
                        + "}, but the record has no value for " + placeholder);
            }
            return text(value);
        });
        check(name, "child table name");
        return name;
    }

    /** The value of tag or field {@code name}: the exact name first, then ignoring case. */
    private static Object find(Point point, String name) {
        Object value = find(point.tags(), name, false);
        value = value != null ? value : find(point.fields(), name, false);
        value = value != null ? value : find(point.tags(), name, true);
        return value != null ? value : find(point.fields(), name, true);
    }

    private static Object find(Point.Entries entries, String name, boolean ignoreCase) {
        for (int i = 0; i < entries.size(); i++) {
            if (ignoreCase
                    ? entries.key(i).equalsIgnoreCase(name)
                    : entries.key(i).equals(name)) {
                return entries.value(i);
            }
        }
        return null;
    }

    /** Whether child tables are named by {@link #hashed} alone, from the super table and the tag values. */
    public boolean hashesTags() {
        return childTable == null;
    }

    /** {@code t_} and the MD5 of the super table's name and the tag values (null ones left out). */
    public String hashed(String stable, List<StableColumn> tagColumns, Object[] tags) {
        StringBuilder key = new StringBuilder(stable);
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != null) {
                key.append(',');
                appendEscaped(key, tagColumns.get(i).name().toLowerCase(Locale.ROOT));
                key.append('=');
                appendEscaped(key, text(tags[i]));
            }
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return "t_" + HexFormat.of().formatHex(md5.digest(key.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * Appends {@code text} with a backslash before each backslash, comma and equal sign, so that no tag value holding
     * them reads as another tag set: {@code a="x,b=y"} and {@code a="x", b="y"} hash apart. Text without them, the
     * usual case, is appended as it is, so such names are what they were before the escaping.
     */
    private static void appendEscaped(StringBuilder key, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                key.append('\\');
            }
            key.append(c);
        }
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime());
        }
        return value.toString();
    }

    private static void check(String name, String what) {
        if (name.isEmpty()) {
            throw new DataException(what + " is empty");
        }
        if (name.indexOf('`') >= 0) {
            throw new DataException(what + " '" + name + "' contains a backquote, which no TDengine name may hold");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TABLE_NAME_BYTES) {
            throw new DataException(what + " '" + name + "' is " + bytes + " bytes long; TDengine table names have at"
                    + " most " + MAX_TABLE_NAME_BYTES);
        }
    }
}
