package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * TDengine's metadata — databases and tables — kept in step with the H2 schemas and tables that store rows.
 *
 * <p>Each database is an H2 schema; a super table is one H2 table holding the timestamp, the fields, the tags
 * and the subtable name in an {@code INVISIBLE} column; a normal table is its own H2 table. Metadata changes
 * are serialized on this object; lookups are lock-free.
 *
 * <p>{@code CREATE DATABASE} takes {@link StandInOptions#databaseCreationDelayMillis()}; meanwhile the database
 * is "in creating status" and another {@code CREATE DATABASE} of it answers {@code 0x80000396}, as a real
 * server answers the loser of that race (facts note, "Transient server answers").
 */
public final class Catalog {
    public static final String INFORMATION_SCHEMA = InformationSchema.NAME;
    public static final String PERFORMANCE_SCHEMA = InformationSchema.PERFORMANCE_SCHEMA;

    private final H2Store h2;
    private final InformationSchema system;
    private final long creationDelayMillis;
    private long nextUid = 1;
    /** Vgroup ids are numbered across databases in creation order; 1 is the mnode's. */
    private int nextVgroupId = 2;

    private final Map<String, Database> databases = new TreeMap<>();
    private final Set<String> creating = new HashSet<>();

    public Catalog(H2Store h2, long creationDelayMillis) {
        this.h2 = h2;
        this.system = new InformationSchema(h2);
        this.creationDelayMillis = creationDelayMillis;
        createSystemDatabases();
    }

    private void createSystemDatabases() {
        Database ins = system.create();
        databases.put(INFORMATION_SCHEMA, ins);
        databases.put(PERFORMANCE_SCHEMA, Database.system(PERFORMANCE_SCHEMA));
        system.databaseCreated(ins, true);
        system.databaseCreated(databases.get(PERFORMANCE_SCHEMA), true);
    }

    /** Creates a database, taking the configured creation time; see the class comment for the race. */
    public void createDatabase(String name, DatabaseOptions options, boolean ifNotExists) {
        synchronized (this) {
            if (creating.contains(name)) {
                throw ServerError.MND_DB_IN_CREATING.error();
            }
            if (databases.containsKey(name)) {
                if (ifNotExists) {
                    return;
                }
                throw ServerError.MND_DB_ALREADY_EXIST.error();
            }
            creating.add(name);
        }
        try {
            sleepCreationDelay();
            synchronized (this) {
                Database db = new Database(name, options, new Vgroups(nextVgroupId, options.vgroups()));
                nextVgroupId += options.vgroups();
                h2.execute("CREATE SCHEMA " + H2Store.quote(name));
                databases.put(name, db);
                system.databaseCreated(db, false);
            }
        } finally {
            synchronized (this) {
                creating.remove(name);
            }
        }
    }

    private void sleepCreationDelay() {
        if (creationDelayMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(creationDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServerError.TSC_INVALID_OPERATION.error("interrupted while creating the database");
        }
    }

    public synchronized void dropDatabase(String name, boolean ifExists) {
        if (isSystem(name)) {
            throw ServerError.TSC_INVALID_OPERATION.error("Cannot drop system database " + name);
        }
        if (!databases.containsKey(name)) {
            if (ifExists) {
                return;
            }
            throw ServerError.MND_DB_NOT_EXIST.error();
        }
        databases.remove(name);
        h2.execute("DROP SCHEMA " + H2Store.quote(name) + " CASCADE");
        system.databaseDropped(name);
    }

    public static boolean isSystem(String name) {
        return INFORMATION_SCHEMA.equals(name) || PERFORMANCE_SCHEMA.equals(name);
    }

    /** The database, or {@code 0x80000388} "Database not exist" (also while it is still being created). */
    public synchronized Database database(String name) {
        Database db = databases.get(name);
        if (db == null) {
            throw ServerError.MND_DB_NOT_EXIST.error();
        }
        return db;
    }

    public TableDef table(String db, String name) {
        TableDef table = database(db).tables().get(name);
        if (table == null) {
            throw ServerError.PAR_TABLE_NOT_EXIST.error("Table does not exist: " + name);
        }
        return table;
    }

    public synchronized TableDef createSuperTable(
            String db, String name, List<Column> columns, List<Column> tags, boolean ifNotExists) {
        Database database = database(db);
        TableDef existing = database.tables().get(name);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw (existing.kind() == TableDef.Kind.SUPER
                            ? ServerError.MND_STB_ALREADY_EXIST
                            : ServerError.TDB_TABLE_ALREADY_EXIST)
                    .error();
        }
        validateSchema(columns);
        validateTags(tags);
        TableDef table = TableDef.superTable(db, name, columns, tags);
        List<Column> all = new ArrayList<>(columns);
        all.addAll(tags);
        h2.execute("CREATE TABLE " + H2Store.table(db, name) + " (" + columnDdl(all) + ", "
                + H2Store.quote(TableDef.TBNAME) + " VARCHAR(192) INVISIBLE NOT NULL, PRIMARY KEY ("
                + H2Store.quote(TableDef.TBNAME) + ", "
                + H2Store.quote(columns.get(0).name()) + "))");
        database.tables().put(name, table);
        return table;
    }

    public synchronized TableDef createNormalTable(String db, String name, List<Column> columns, boolean ifNotExists) {
        Database database = database(db);
        TableDef existing = database.tables().get(name);
        if (existing != null) {
            if (ifNotExists) {
                return existing;
            }
            throw ServerError.TDB_TABLE_ALREADY_EXIST.error();
        }
        validateSchema(columns);
        TableDef table = TableDef.normal(db, name, columns);
        h2.execute("CREATE TABLE " + H2Store.table(db, name) + " (" + columnDdl(columns) + ", PRIMARY KEY ("
                + H2Store.quote(columns.get(0).name()) + "))");
        database.tables().put(name, table);
        system.tableCreated(table, nextUid++, database.vgroups().idOf(name), 0);
        return table;
    }

    /** Creates a subtable, or returns the existing one: an existing subtable keeps its tags (insert docs). */
    public TableDef createChildTable(
            String db, String name, TableDef superTable, Map<String, Object> tagValues, boolean ifNotExists) {
        return createChildTable(db, name, superTable, tagValues, ifNotExists, 0);
    }

    /** A subtable with a TTL in days ({@code ins_tables.ttl}); the stand-in never expires it. */
    public synchronized TableDef createChildTable(
            String db, String name, TableDef superTable, Map<String, Object> tagValues, boolean ifNotExists, int ttl) {
        Database database = database(db);
        TableDef existing = database.tables().get(name);
        if (existing != null) {
            if (ifNotExists && existing.kind() == TableDef.Kind.CHILD) {
                return existing;
            }
            throw ServerError.TDB_TABLE_ALREADY_EXIST.error();
        }
        TableDef table = TableDef.child(db, name, superTable, tagValues);
        database.tables().put(name, table);
        system.tableCreated(table, nextUid++, database.vgroups().idOf(name), ttl);
        return table;
    }

    /**
     * Drops a table: a super table with all its subtables, a subtable's rows, or a normal table
     * ({@code DROP TABLE} / {@code DROP STABLE}, {@code 03-table.md} and {@code 04-stable.md}).
     */
    public synchronized void dropTable(String db, String name, boolean ifExists, boolean superOnly) {
        Database database = database(db);
        TableDef table = database.tables().get(name);
        if (table == null || (superOnly && table.kind() != TableDef.Kind.SUPER)) {
            if (ifExists) {
                return;
            }
            throw (superOnly ? ServerError.MND_STB_NOT_EXIST : ServerError.PAR_TABLE_NOT_EXIST).error();
        }
        if (table.kind() == TableDef.Kind.CHILD) {
            h2.execute("DELETE FROM " + H2Store.table(db, table.superTable().name()) + " WHERE "
                    + H2Store.quote(TableDef.TBNAME) + " = " + H2Store.literal(name));
        } else {
            h2.execute("DROP TABLE " + H2Store.table(db, name));
        }
        List<TableDef> gone = new ArrayList<>();
        database.tables().values().removeIf(t -> (t == table || t.superTable() == table) && gone.add(t));
        gone.stream().filter(t -> t.kind() != TableDef.Kind.SUPER).forEach(system::tableDropped);
    }

    /** Adds fields and tags to a super table; new fields go before the tags so H2's own order matches. */
    public synchronized void extend(TableDef superTable, List<Column> newFields, List<Column> newTags) {
        String table = H2Store.table(superTable.database(), superTable.name());
        List<Column> tags = superTable.tags();
        for (Column c : newFields) {
            String position =
                    tags.isEmpty() ? "" : " BEFORE " + H2Store.quote(tags.get(0).name());
            h2.execute("ALTER TABLE " + table + " ADD COLUMN " + H2Store.quote(c.name()) + " " + c.h2Type() + position);
        }
        for (Column c : newTags) {
            h2.execute("ALTER TABLE " + table + " ADD COLUMN " + H2Store.quote(c.name()) + " " + c.h2Type());
        }
        List<Column> columns = new ArrayList<>(superTable.columns());
        columns.addAll(newFields);
        List<Column> allTags = new ArrayList<>(tags);
        allTags.addAll(newTags);
        superTable.replaceSchema(columns, allTags);
    }

    /**
     * {@code ALTER STABLE … ADD COLUMN|TAG}: a name the super table already has, as a column or as a tag, fails as
     * the mnode checks it ({@code mndAddSuperTableColumn}/{@code mndAddSuperTableTag}): {@code 0x8000036B} for an
     * existing column, {@code 0x80000369} for an existing tag. Existing rows read NULL in the new column.
     */
    public synchronized void addToSuperTable(TableDef superTable, Column column, boolean tag) {
        boolean isColumn = superTable.columns().stream().anyMatch(c -> c.name().equals(column.name()));
        boolean isTag = superTable.tags().stream().anyMatch(c -> c.name().equals(column.name()));
        if (isColumn) {
            throw ServerError.MND_COLUMN_ALREADY_EXIST.error();
        }
        if (isTag) {
            throw ServerError.MND_TAG_ALREADY_EXIST.error();
        }
        extend(superTable, tag ? List.of() : List.of(column), tag ? List.of(column) : List.of());
    }

    /**
     * {@code ALTER STABLE … MODIFY COLUMN|TAG name type(n)}: the parser ({@code checkAlterSuperTableBySchema})
     * looks the name up among columns and tags ({@code 0x80002602} if neither) and accepts only the same
     * variable-length type made strictly wider; anything else is {@code 0x8000264B}. A name of the other kind then
     * fails in the mnode ({@code 0x8000036C} column / {@code 0x8000036A} tag does not exist).
     */
    public synchronized void widenInSuperTable(TableDef superTable, Column widened, boolean tag) {
        Column existing = superTable
                .find(widened.name())
                .orElseThrow(() -> ServerError.PAR_INVALID_COLUMN.error("Invalid column name: " + widened.name()));
        if (!existing.type().isVariable()
                || existing.type() != widened.type()
                || existing.length() >= widened.length()) {
            throw ServerError.PAR_INVALID_MODIFY_COL.error();
        }
        if (tag != superTable.isTag(widened.name())) {
            throw (tag ? ServerError.MND_TAG_NOT_EXIST : ServerError.MND_COLUMN_NOT_EXIST).error();
        }
        List<Column> columns = new ArrayList<>(superTable.columns());
        List<Column> tags = new ArrayList<>(superTable.tags());
        List<Column> changed = tag ? tags : columns;
        changed.replaceAll(c -> c.name().equals(widened.name()) ? widened : c);
        superTable.replaceSchema(columns, tags);
    }

    /** Widens VARCHAR/NCHAR lengths; H2 stores them unbounded, so only the reported length changes. */
    public synchronized void widen(TableDef superTable, List<Column> columns, List<Column> tags) {
        superTable.replaceSchema(columns, tags);
    }

    /**
     * DECIMAL "only supports regular columns and does not currently support tag columns" (data-type doc); a real
     * 3.3.6.13 refuses it in CREATE STABLE with {@code 0x80002602} but accepts {@code ALTER STABLE … ADD TAG}.
     */
    private static void validateTags(List<Column> tags) {
        if (tags.stream().anyMatch(t -> t.type() == ColumnType.DECIMAL)) {
            throw ServerError.PAR_INVALID_COLUMN.error("Decimal type is not allowed for tag");
        }
    }

    private void validateSchema(List<Column> columns) {
        if (columns.isEmpty() || columns.get(0).type() != ColumnType.TIMESTAMP) {
            throw ServerError.PAR_FIRST_COLUMN_NOT_TIMESTAMP.error();
        }
    }

    private static String columnDdl(List<Column> columns) {
        StringJoiner joiner = new StringJoiner(", ");
        for (Column c : columns) {
            joiner.add(H2Store.quote(c.name()) + " " + c.h2Type());
        }
        return joiner.toString();
    }
}
