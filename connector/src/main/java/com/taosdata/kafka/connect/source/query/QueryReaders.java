package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.DatabaseCatalog;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.format.RowFormatters;
import com.taosdata.kafka.connect.source.table.SchemaReader;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Builds a task's {@link QueryReader}: reads the database precision and each super table's (or normal table's)
 * columns once, and each table's committed offset, so every table resumes where Kafka's copy ends.
 */
public final class QueryReaders {

    /** Subtables one query names at most (TDengine takes statements of up to 1 MB; names are up to 192 bytes). */
    static final int TABLES_PER_QUERY = 1000;

    private QueryReaders() {}

    public static QueryReader create(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            OffsetStorageReader offsets,
            LongSupplier clock,
            Sleeper sleeper,
            ZoneId zone,
            SourceTaskMetrics metrics) {
        TDengineSession session = new TDengineSession(ConnectionConfigs.connectionFactory(config), config.database());
        try {
            return create(config, tables, offsets, clock, sleeper, zone, session, metrics);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static QueryReader create(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            OffsetStorageReader offsets,
            LongSupplier clock,
            Sleeper sleeper,
            ZoneId zone,
            TDengineSession session,
            SourceTaskMetrics metrics) {
        String database = config.database();
        RetryPolicy retry = new RetryPolicy(config.maxRetries(), config.retryBackoffMs(), sleeper);
        SchemaReader schemas = new SchemaReader(database);
        TimestampUnit precision = retry.call(
                "reading the precision of " + database,
                () -> session.call(connection -> DatabaseCatalog.existingPrecision(connection, database)));
        Map<String, TableSchema> byMeasurement = new HashMap<>();
        List<SourceTable> readable = new ArrayList<>(tables.size());
        for (SourceTable table : tables) {
            if (!byMeasurement.containsKey(table.measurement())) {
                Optional<TableSchema> schema = schemas.describeUnlessDropped(session, retry, table, precision);
                if (schema.isEmpty()) {
                    continue;
                }
                byMeasurement.put(table.measurement(), schema.get());
            }
            readable.add(table);
        }
        return reader(
                config, readable, byMeasurement, offsets, clock, sleeper, zone, session, retry, precision, metrics);
    }

    private static QueryReader reader(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            Map<String, TableSchema> byMeasurement,
            OffsetStorageReader offsets,
            LongSupplier clock,
            Sleeper sleeper,
            ZoneId zone,
            TDengineSession session,
            RetryPolicy retry,
            TimestampUnit precision,
            SourceTaskMetrics metrics) {
        String database = config.database();
        List<Map<String, String>> partitions = tables.stream()
                .map(t -> SourcePartitions.table(database, t.name()))
                .toList();
        Map<Map<String, String>, Map<String, Object>> stored =
                partitions.isEmpty() ? Map.of() : offsets.offsets(partitions);
        Instant initial = config.initialTimestamp(zone);
        Long start = initial == null ? null : precision.fromEpochSecond(initial.getEpochSecond(), initial.getNano());
        QuerySettings settings = new QuerySettings(
                start,
                precision.fromMillis(config.queryIntervalMs()),
                config.fetchMaxRows(),
                WindowSizer.windowRows(ConnectionConfigs.url(config).transport()),
                config.pollIntervalMs(),
                config.topicNaming(),
                RowFormatters.create(config.outFormat(), config.outputPrecision()));
        List<Querier> queriers = new ArrayList<>();
        Map<String, Map<String, TablePosition>> subtables = new TreeMap<>();
        for (SourceTable table : tables) {
            TablePosition offset =
                    TablePosition.fromOffset(stored.get(SourcePartitions.table(database, table.name())), precision);
            TablePosition position = offset == null
                    ? null
                    : offset.forKey(byMeasurement
                            .get(table.measurement())
                            .compositeKey()
                            .isPresent());
            if (table.stable() == null) {
                TableSchema schema = byMeasurement.get(table.measurement());
                queriers.add(new TableQuerier(
                        table.name(), schema, describer(database, schema, precision), position, settings));
            } else {
                subtables.computeIfAbsent(table.stable(), s -> new TreeMap<>()).put(table.name(), position);
            }
        }
        subtables.forEach((stable, positions) -> {
            TableSchema schema = byMeasurement.get(stable);
            for (Map<String, TablePosition> group : chunks(positions)) {
                queriers.add(new StableQuerier(schema, describer(database, schema, precision), group, settings));
            }
        });
        return new QueryReader(
                queriers,
                session,
                retry,
                clock,
                sleeper,
                config.pollIntervalMs(),
                config.fetchMaxRows(),
                new ReadHorizon(config.timestampDelayIntervalMs()),
                metrics);
    }

    /** Groups of at most {@value #TABLES_PER_QUERY} subtables, so that a query's table list stays short. */
    private static List<Map<String, TablePosition>> chunks(Map<String, TablePosition> positions) {
        List<Map<String, TablePosition>> groups = new ArrayList<>();
        Map<String, TablePosition> group = null;
        for (Map.Entry<String, TablePosition> entry : positions.entrySet()) {
            if (group == null || group.size() == TABLES_PER_QUERY) {
                group = new LinkedHashMap<>();
                groups.add(group);
            }
            group.put(entry.getKey(), entry.getValue());
        }
        return groups;
    }

    /** Describes the table named like {@code schema}'s measurement: the super table, or the normal table itself. */
    private static TableDescriber describer(String database, TableSchema schema, TimestampUnit precision) {
        SourceTable described = SourceTable.normal(schema.measurement());
        return connection -> new SchemaReader(database).describe(connection, described, precision);
    }
}
