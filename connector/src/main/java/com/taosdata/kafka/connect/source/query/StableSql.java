package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The SQL query mode sends for several subtables of one super table at once. {@code SELECT *} on a super table
 * returns its columns and then its tags, so a column added later shows in the result's width; {@code tbname} comes
 * last and names each row's subtable. {@code PARTITION BY tbname} makes each subtable one timeline, as TDengine
 * documents it: its rows come together and in timestamp order, without the server merging all subtables into one
 * order (which read markedly slower on a real 3.3.6; docs/benchmarks.md). Bounds are integer timestamps written by
 * this class from numbers; table names are string literals:
 * <pre>SELECT *,tbname FROM `power`.`meters` WHERE tbname IN ('d1','d2') AND `ts` &gt; 1700000000000
 * AND `ts` &lt;= 1700000060000 PARTITION BY tbname</pre>
 */
public final class StableSql {

    private final String from;
    private final String timestamp;

    public StableSql(TableSchema schema) {
        this.from = " FROM " + Identifiers.quote(schema.database()) + "." + Identifiers.quote(schema.measurement());
        this.timestamp = Identifiers.quote(schema.timestamp().name());
    }

    /** Every row of {@code tables} within {@code bounds} (whose skip count is ignored: the caller filters). */
    public String rows(Collection<String> tables, QueryBounds bounds) {
        return "SELECT *,tbname" + where(tables, bounds) + " PARTITION BY tbname";
    }

    /**
     * How many rows of {@code tables} lie within {@code bounds}, and their first and last timestamps (FIRST and LAST:
     * TDengine 3.3.6 refuses MIN and MAX of a timestamp, 0x80002802).
     */
    public String count(Collection<String> tables, QueryBounds bounds) {
        return "SELECT COUNT(*),FIRST(" + timestamp + "),LAST(" + timestamp + ")" + where(tables, bounds);
    }

    private String where(Collection<String> tables, QueryBounds bounds) {
        StringBuilder sql = new StringBuilder(from)
                .append(" WHERE tbname IN (")
                .append(tables.stream().map(Identifiers::literal).collect(Collectors.joining(",")))
                .append(')');
        if (bounds.lower() != null) {
            sql.append(" AND ")
                    .append(timestamp)
                    .append(bounds.lowerInclusive() ? " >= " : " > ")
                    .append(bounds.lower());
        }
        return sql.append(" AND ")
                .append(timestamp)
                .append(" <= ")
                .append(bounds.upper())
                .toString();
    }
}
