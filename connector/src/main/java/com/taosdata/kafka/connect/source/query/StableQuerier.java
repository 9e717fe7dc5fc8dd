package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a task's subtables of one super table: most of them with one query per window ({@link SharedQuery}), the
 * others each on its own ({@link SoloTables}), taking turns when both have something due.
 *
 * <p>Exactness rests on per-subtable positions, as with one query per subtable. A subtable that gets no rows while
 * the others move on would hold the shared window's lower bound back, so it leaves the shared query and is read on
 * its own until its position passes the shared lower bound again; so do subtables that have no position yet while
 * others have one (sharing the window would take every other subtable back to the start).
 */
public final class StableQuerier implements Querier {

    private static final Logger log = LoggerFactory.getLogger(StableQuerier.class);

    private final TableDescriber describer;
    private final QuerySettings settings;
    private final SharedQuery shared;
    private final SoloTables solo;
    private boolean soloTurn;

    /**
     * @param tables the subtables, each with its stored position or {@code null}
     */
    public StableQuerier(
            TableSchema schema, TableDescriber describer, Map<String, TablePosition> tables, QuerySettings settings) {
        this.describer = describer;
        this.settings = settings;
        this.shared = new SharedQuery(schema, describer, settings);
        this.solo = new SoloTables(settings.pollIntervalMs());
        boolean anyPosition = tables.values().stream().anyMatch(p -> p != null);
        tables.forEach((table, position) -> {
            if (position == null && anyPosition) {
                solo.add(new TableQuerier(table, schema, describer, null, settings));
            } else {
                shared.add(table, position);
            }
        });
    }

    @Override
    public String describe() {
        return shared.describe();
    }

    @Override
    public QueryResult poll(Connection connection, long nowMs, long untilMs) {
        shared.keepTo(connection);
        boolean sharedDue = shared.isDue(nowMs);
        List<SourceRecord> records;
        if (solo.anyDue(nowMs) && (soloTurn || !sharedDue)) {
            records = solo.poll(connection, nowMs, untilMs);
        } else if (sharedDue) {
            records = pollShared(connection, nowMs, untilMs);
        } else {
            records = List.of();
        }
        soloTurn = !soloTurn;
        return new QueryResult(records, !shared.isDue(nowMs) && !solo.anyDue(nowMs));
    }

    private List<SourceRecord> pollShared(Connection connection, long nowMs, long untilMs) {
        if (!shared.isOpen()) {
            // Subtables read alone rejoin once their position is no lower than the shared lower bound.
            solo.caughtUpWith(shared.lowestPosition())
                    .forEach(querier -> shared.add(querier.table(), querier.position()));
        }
        SharedQuery.Step step = shared.poll(connection, nowMs, untilMs);
        if (!step.left().isEmpty()) {
            log.debug(
                    "{} subtables of {} had no rows in the last window; reading them on their own",
                    step.left().size(),
                    shared.schema().measurement());
            TableSchema schema = shared.schema();
            step.left()
                    .forEach((table, position) ->
                            solo.add(new TableQuerier(table, schema, describer, position, settings)));
        }
        return step.records();
    }

    @Override
    public void close() {
        shared.close();
    }
}
