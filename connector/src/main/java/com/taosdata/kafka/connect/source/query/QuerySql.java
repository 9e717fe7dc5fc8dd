package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.stream.Collectors;

/**
 * The SQL query mode sends for one table. Columns are selected with {@code *}, so a column added to the table shows
 * in the result's width and the reader can re-describe the table; tags are listed by name (a subtable returns them
 * only when asked). Identifiers are backquoted, and bounds are integer timestamps in the database's precision,
 * written by this class from numbers, never from user text:
 * <pre>SELECT *,`location` FROM `power`.`d1001` WHERE `ts` &gt; 1700000000000 AND `ts` &lt;= 1700000060000
 * ORDER BY `ts` ASC LIMIT 100</pre>
 */
public final class QuerySql {

    private final String select;
    private final String from;
    private final String timestamp;
    private final String orderBy;

    public QuerySql(TableSchema schema, String table) {
        this.select = "SELECT *"
                + schema.columns().stream()
                        .filter(ColumnDef::isTag)
                        .map(c -> "," + Identifiers.quote(c.name()))
                        .collect(Collectors.joining());
        this.from = " FROM " + Identifiers.quote(schema.database()) + "." + Identifiers.quote(table);
        this.timestamp = Identifiers.quote(schema.timestamp().name());
        this.orderBy = " ORDER BY " + timestamp + " ASC"
                + schema.compositeKey()
                        .map(ColumnDef::name)
                        .map(key -> ", " + Identifiers.quote(key) + " ASC")
                        .orElse("");
    }

    /** Rows within {@code bounds}; {@code limit} already includes the rows to skip. */
    public String rows(QueryBounds bounds, long limit) {
        StringBuilder sql = new StringBuilder(select).append(from).append(" WHERE ");
        if (bounds.lower() != null) {
            sql.append(timestamp)
                    .append(bounds.lowerInclusive() ? " >= " : " > ")
                    .append(bounds.lower())
                    .append(" AND ");
        }
        sql.append(timestamp)
                .append(" <= ")
                .append(bounds.upper())
                .append(orderBy)
                .append(" LIMIT ")
                .append(limit);
        return sql.toString();
    }

    /** The table's earliest timestamp, where a bounded window starts when nothing else says where. */
    public String firstTimestamp() {
        return "SELECT " + timestamp + from + " ORDER BY " + timestamp + " ASC LIMIT 1";
    }
}
