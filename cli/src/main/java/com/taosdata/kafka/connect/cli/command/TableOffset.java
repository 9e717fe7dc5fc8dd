package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectorOffsets;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.config.ReadMethod;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.query.SourcePartitions;
import com.taosdata.kafka.connect.source.query.TablePosition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code offsets NAME --table T --from TIME}: the query-mode offset that resumes table {@code T} with its rows at
 * {@code TIME} and after: the source's own partition and position ({@link SourcePartitions}, {@link TablePosition})
 * with no row at {@code TIME} sent yet. The timestamp is written in the precision the connector's other offsets of the
 * database carry (the database's), else in the coarsest of ms, us and ns that holds {@code TIME} exactly; the
 * connector converts it to the database's precision, rounding up.
 */
final class TableOffset {

    private static final String SOURCE_CONNECTOR = "TDengineSourceConnector";

    private TableOffset() {}

    static ConnectorOffsets.Entry build(
            String name, Map<String, String> config, ConnectorOffsets current, String table, Instant from) {
        String connectorClass = config.getOrDefault("connector.class", "");
        if (!connectorClass.endsWith(SOURCE_CONNECTOR)) {
            throw CliException.usage("--table/--from set a position of the TDengine source in query mode; '" + name
                    + "' runs " + connectorClass + ": use --set FILE");
        }
        String readMethod =
                config.getOrDefault(TDengineSourceConfig.READ_METHOD_CONFIG, TDengineSourceConfig.READ_METHOD_DEFAULT);
        if (!ReadMethod.QUERY.configValue().equalsIgnoreCase(readMethod.trim())) {
            throw CliException.usage("--table/--from set a query-mode position; '" + name + "' reads by "
                    + readMethod.trim() + ": set each vgroup's position with --set FILE (edit what "
                    + "'tdconnect offsets " + name + " -o json' prints)");
        }
        String configured = config.get(TDengineSourceConfig.CONNECTION_DATABASE_CONFIG);
        if (configured == null || configured.isBlank()) {
            throw CliException.failed("'" + name + "' has no " + TDengineSourceConfig.CONNECTION_DATABASE_CONFIG);
        }
        String database = Identifiers.canonicalDatabase(configured.trim());
        TimestampUnit unit = precisionOf(current, database);
        if (unit == null) {
            unit = exactUnit(from);
        }
        Map<String, Object> partition = new LinkedHashMap<>(SourcePartitions.table(database, table));
        return new ConnectorOffsets.Entry(
                partition,
                new LinkedHashMap<>(TablePosition.from(ceil(from, unit)).toOffset(unit)));
    }

    /** Whether the connector has stored a position for {@code table} of the entry's database. */
    static boolean known(ConnectorOffsets current, ConnectorOffsets.Entry entry) {
        return current.offsets().stream().anyMatch(e -> e.partition().equals(entry.partition()));
    }

    private static TimestampUnit precisionOf(ConnectorOffsets current, String database) {
        for (ConnectorOffsets.Entry entry : current.offsets()) {
            Object precision = entry.offset() == null ? null : entry.offset().get(TablePosition.PRECISION_KEY);
            if (database.equals(entry.partition().get(SourcePartitions.DATABASE_KEY))
                    && precision != null
                    && entry.partition().containsKey(SourcePartitions.TABLE_KEY)) {
                return TimestampUnit.parse(precision.toString());
            }
        }
        return null;
    }

    private static TimestampUnit exactUnit(Instant from) {
        int nanos = from.getNano();
        return nanos % 1_000_000 == 0 ? TimestampUnit.MS : nanos % 1_000 == 0 ? TimestampUnit.US : TimestampUnit.NS;
    }

    /** {@code from} in {@code unit}, rounded up: a position before a row must not move before {@code from}. */
    private static long ceil(Instant from, TimestampUnit unit) {
        long value = unit.fromEpochSecond(from.getEpochSecond(), from.getNano());
        return from.getNano() % unit.nanosPerUnit() == 0 ? value : value + 1;
    }
}
