package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TDengine topics of subscription mode: one per super table or normal table, named
 * {@code tdconnect_<database>_<table>}, defined as a query listing every column and tag by name (a TMQ row
 * carries tags only when the topic selects them) and {@code tbname}, the row's child table:
 * <pre>CREATE TOPIC IF NOT EXISTS `tdconnect_power_meters` AS SELECT tbname,`ts`,`current`,`location` FROM `power`.`meters`</pre>
 * The table name travels as a column because that is the one way both consumers of taos-jdbcdriver deliver it per
 * row: over JNI the driver reads the message's table name once, before its first block, and its
 * {@code MapEnhanceDeserializer} is not implemented at all (the first poll with data fails).
 */
public final class TmqTopics {

    /** The label of the table name column in every row of our topics. */
    public static final String TABLE_NAME_COLUMN = "tbname";

    private static final Pattern TABLE_NAME = Pattern.compile("\\bselect\\s+tbname\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9_]");

    private TmqTopics() {}

    public static String name(String database, String table) {
        return NOT_WORD.matcher("tdconnect_" + database + "_" + table).replaceAll("_");
    }

    /** The statement that reads a topic's definition: one row, its {@code CREATE TOPIC} text, or none. */
    public static String definitionSql(String topic) {
        return "SELECT `sql` FROM information_schema.ins_topics WHERE topic_name = '" + topic + "'";
    }

    /**
     * Whether a topic's {@code CREATE TOPIC} text selects {@link #TABLE_NAME_COLUMN}: topics created before the
     * connector selected it, or by hand, give rows without their child table.
     */
    public static boolean selectsTableName(String definition) {
        return TABLE_NAME.matcher(definition).find();
    }

    public static String createSql(String topic, TableSchema schema, String table) {
        return "CREATE TOPIC IF NOT EXISTS " + Identifiers.quote(topic) + " AS SELECT " + TABLE_NAME_COLUMN + ","
                + schema.columns().stream()
                        .map(c -> Identifiers.quote(c.name()))
                        .collect(Collectors.joining(","))
                + " FROM " + Identifiers.quote(schema.database()) + "." + Identifiers.quote(table);
    }
}
