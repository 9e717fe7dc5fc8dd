package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.naming.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/** The DDL of typed writes: creating a super table, adding and widening its columns and tags. */
public final class StableDdl {

    private StableDdl() {}

    /** {@code CREATE STABLE IF NOT EXISTS}: two tasks creating the same table at once both succeed. */
    public static String create(
            String database,
            String stable,
            StableColumn timestamp,
            List<StableColumn> columns,
            List<StableColumn> tags) {
        return "CREATE STABLE IF NOT EXISTS " + qualified(database, stable) + " (" + definition(timestamp) + ", "
                + columns.stream().map(StableDdl::definition).collect(Collectors.joining(", ")) + ") TAGS ("
                + tags.stream().map(StableDdl::definition).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code ALTER STABLE … ADD COLUMN|TAG}. */
    public static String add(String database, String stable, StableColumn column) {
        return "ALTER STABLE " + qualified(database, stable) + " ADD " + (column.tag() ? "TAG " : "COLUMN ")
                + definition(column);
    }

    /** {@code ALTER STABLE … MODIFY COLUMN|TAG}: TDengine only widens a VARCHAR, NCHAR or VARBINARY. */
    public static String widen(String database, String stable, StableColumn column) {
        return "ALTER STABLE " + qualified(database, stable) + " MODIFY " + (column.tag() ? "TAG " : "COLUMN ")
                + definition(column);
    }

    public static String qualified(String database, String table) {
        return Identifiers.quote(database) + "." + Identifiers.quote(table);
    }

    private static String definition(StableColumn column) {
        return Identifiers.quote(column.name()) + " " + column.type().sql();
    }
}
