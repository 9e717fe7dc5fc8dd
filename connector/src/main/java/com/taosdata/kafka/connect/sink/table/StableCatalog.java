package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The super tables a task writes into, as TDengine describes them: described once and kept, created and altered
 * when asked. Every change is followed by a fresh {@code DESCRIBE}, so what is kept is what the server has, also when
 * another task changed the table at the same time: two tasks creating the same table both succeed ({@code IF NOT
 * EXISTS}), and a change that failed because another task made it first is not an error. Runs on the writer thread;
 * {@link #known} and {@link #version} may be read from any thread.
 */
public final class StableCatalog {

    private static final Logger log = LoggerFactory.getLogger(StableCatalog.class);

    private final SqlRunner sql;
    private final RetryPolicy retry;
    private final Map<String, StableSchema> schemas = new ConcurrentHashMap<>();
    /** Counts the changes of {@link #schemas}, so a reader on another thread can tell a schema it keeps is current. */
    private final AtomicLong version = new AtomicLong();
    /**
     * The schema {@link #find} returned last: records come in runs of one table, and find runs per record, so the run
     * needs no key built and hashed per record.
     */
    private StableSchema last;

    public StableCatalog(SqlRunner sql, RetryPolicy retry) {
        this.sql = sql;
        this.retry = retry;
    }

    /** The schema of {@code database.stable}, or empty when there is no such table. */
    public Optional<StableSchema> find(String database, String stable) {
        if (last != null && last.name().equals(stable) && last.database().equals(database)) {
            return Optional.of(last);
        }
        StableSchema known = schemas.get(key(database, stable));
        Optional<StableSchema> found = known != null ? Optional.of(known) : describe(database, stable);
        last = found.orElse(null);
        return found;
    }

    /**
     * The schema of {@code database.stable} as last described, or null when it has not been described (or is gone),
     * without asking the server: the task thread converts a record only once the writer thread has found its table.
     */
    public StableSchema known(String database, String stable) {
        return schemas.get(key(database, stable));
    }

    /** Changes whenever a schema is described, replaced or forgotten. */
    public long version() {
        return version.get();
    }

    /**
     * Creates {@code database.stable} unless it exists; returns what the server then has, which is another task's
     * definition when that task created it first.
     */
    public StableSchema create(String database, String stable, List<StableColumn> definition) {
        List<StableColumn> columns = definition.stream().filter(c -> !c.tag()).toList();
        List<StableColumn> tags = definition.stream().filter(StableColumn::tag).toList();
        String ddl = StableDdl.create(database, stable, columns.get(0), columns.subList(1, columns.size()), tags);
        retry.call("creating super table " + database + "." + stable, () -> {
            sql.execute(ddl);
            return null;
        });
        log.info("created super table {}.{}: {}", database, stable, definition);
        return describe(database, stable)
                .orElseThrow(() -> new ConnectException(
                        "super table " + database + "." + stable + " was created but DESCRIBE does not find it"));
    }

    /**
     * Adds the columns and tags of {@code changes} that {@code schema} lacks and widens the ones it has.
     *
     * @throws TDengineException when TDengine refuses a change that the table, described again, still needs
     */
    public StableSchema alter(StableSchema schema, List<StableColumn> changes) {
        String database = schema.database();
        String stable = schema.name();
        for (StableColumn change : changes) {
            boolean exists =
                    change.tag() ? schema.tagIndex(change.name()) >= 0 : schema.columnIndex(change.name()) >= 0;
            String ddl = exists ? StableDdl.widen(database, stable, change) : StableDdl.add(database, stable, change);
            try {
                retry.call("altering super table " + database + "." + stable, () -> {
                    sql.execute(ddl);
                    return null;
                });
                log.info("super table {}.{}: {} {}", database, stable, exists ? "widened" : "added", change);
            } catch (TDengineException e) {
                if (e.kind() == ErrorKind.TRANSIENT || !satisfied(describeOrFail(database, stable), change, exists)) {
                    throw e;
                }
                log.info("super table {}.{} already has {} (changed by another task)", database, stable, change);
            }
        }
        return describeOrFail(database, stable);
    }

    /** Forgets what is known of {@code database.stable}, after a write found it changed or gone. */
    public void forget(String database, String stable) {
        schemas.remove(key(database, stable));
        version.incrementAndGet();
        last = null;
    }

    private StableSchema describeOrFail(String database, String stable) {
        return describe(database, stable)
                .orElseThrow(() -> new ConnectException(
                        "super table " + database + "." + stable + " was dropped while the sink altered it"));
    }

    private Optional<StableSchema> describe(String database, String stable) {
        Optional<List<StableColumn>> described =
                retry.call("describing super table " + database + "." + stable, () -> sql.describe(database, stable));
        // A description replaces what find() handed out last, which may be this table's older schema.
        last = null;
        if (described.isEmpty()) {
            schemas.remove(key(database, stable));
            version.incrementAndGet();
            return Optional.empty();
        }
        List<StableColumn> columns = described.get();
        if (columns.stream().noneMatch(StableColumn::tag)) {
            throw new ConnectException(database + "." + stable + " is a table without tags, not a super table: the"
                    + " sink writes into super tables only; check table.name.format");
        }
        StableSchema schema = new StableSchema(database, stable, columns);
        schemas.put(key(database, stable), schema);
        version.incrementAndGet();
        return Optional.of(schema);
    }

    /**
     * Whether {@code schema} has {@code change}'s column or tag: any type for an addition (values that do not fit the
     * type another task chose are then data errors), at least as wide for a widening.
     */
    private static boolean satisfied(StableSchema schema, StableColumn change, boolean widening) {
        int index = change.tag() ? schema.tagIndex(change.name()) : schema.columnIndex(change.name());
        if (index < 0 || !widening) {
            return index >= 0;
        }
        ColumnType has =
                (change.tag() ? schema.tags() : schema.columns()).get(index).type();
        return has.type() == change.type().type()
                && has.length() >= change.type().length();
    }

    private static String key(String database, String stable) {
        return database + "." + stable;
    }
}
