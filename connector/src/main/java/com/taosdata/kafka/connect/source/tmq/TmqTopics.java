package com.taosdata.kafka.connect.source.tmq;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.source.table.TableSchema;

/**
 * TDengine topics of subscription mode: one per super table or normal table, named
 * {@code tdconnect_<database>_<table>}, defined as a query listing every column and tag by name (a TMQ row
 * carries tags only when the topic selects them):
 * <pre>CREATE TOPIC IF NOT EXISTS `tdconnect_power_meters` AS SELECT `ts`,`current`,`location` FROM `power`.`meters`</pre>
 */
public final class TmqTopics {

    private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9_]");

    private TmqTopics() {
    }

    public static String name(String database, String table) {
        return NOT_WORD.matcher("tdconnect_" + database + "_" + table).replaceAll("_");
    }

    public static String createSql(String topic, TableSchema schema, String table) {
        return "CREATE TOPIC IF NOT EXISTS " + Identifiers.quote(topic) + " AS SELECT "
                + schema.columns().stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(","))
                + " FROM " + Identifiers.quote(schema.database()) + "." + Identifiers.quote(table);
    }
}
