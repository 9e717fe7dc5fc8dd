package com.taosdata.kafka.connect.standin;

import java.util.List;
import java.util.StringJoiner;

/**
 * The system database {@code information_schema} with the two tables clients read: {@code ins_databases} and
 * {@code ins_tables} (subtables and normal tables, one row each), with the columns the "Metadata" doc (50-meta.md)
 * lists. Rows are H2 rows, kept in step by {@link Catalog}, so queries over them run on H2 like any other.
 */
final class InformationSchema {
    static final String NAME = "information_schema";
    static final String PERFORMANCE_SCHEMA = "performance_schema";
    private static final String INS_DATABASES = "ins_databases";
    private static final String INS_TABLES = "ins_tables";

    private final H2Store h2;

    InformationSchema(H2Store h2) {
        this.h2 = h2;
    }

    /** Creates the system databases' H2 tables and returns {@code information_schema} with their definitions. */
    Database create() {
        Database ins = Database.system(NAME);
        h2.execute("CREATE SCHEMA " + H2Store.quote(NAME));
        define(
                ins,
                INS_DATABASES,
                List.of(
                        new Column("name", ColumnType.VARCHAR, 64),
                        new Column("create_time", ColumnType.TIMESTAMP, 8),
                        new Column("ntables", ColumnType.INT, 4),
                        new Column("vgroups", ColumnType.INT, 4),
                        new Column("replica", ColumnType.INT, 4),
                        new Column("strict", ColumnType.VARCHAR, 4),
                        new Column("duration", ColumnType.VARCHAR, 10),
                        new Column("keep", ColumnType.VARCHAR, 32),
                        new Column("buffer", ColumnType.INT, 4),
                        new Column("pagesize", ColumnType.INT, 4),
                        new Column("pages", ColumnType.INT, 4),
                        new Column("minrows", ColumnType.INT, 4),
                        new Column("maxrows", ColumnType.INT, 4),
                        new Column("comp", ColumnType.INT, 4),
                        new Column("precision", ColumnType.VARCHAR, 2),
                        new Column("status", ColumnType.VARCHAR, 10)));
        define(
                ins,
                INS_TABLES,
                List.of(
                        new Column("table_name", ColumnType.VARCHAR, 192),
                        new Column("db_name", ColumnType.VARCHAR, 64),
                        new Column("create_time", ColumnType.TIMESTAMP, 8),
                        new Column("columns", ColumnType.INT, 4),
                        new Column("stable_name", ColumnType.VARCHAR, 192),
                        new Column("uid", ColumnType.BIGINT, 8),
                        new Column("vgroup_id", ColumnType.INT, 4),
                        new Column("ttl", ColumnType.INT, 4),
                        new Column("table_comment", ColumnType.VARCHAR, 1024),
                        new Column("type", ColumnType.VARCHAR, 21)));
        return ins;
    }

    private void define(Database ins, String name, List<Column> columns) {
        StringJoiner ddl = new StringJoiner(", ");
        columns.forEach(c -> ddl.add(H2Store.quote(c.name()) + " " + c.h2Type()));
        h2.execute("CREATE TABLE " + H2Store.table(NAME, name) + " (" + ddl + ")");
        ins.tables().put(name, TableDef.normal(NAME, name, columns));
    }

    /**
     * The database's row in {@code ins_databases}: its vgroups and KEEP, and TDengine's defaults for the options
     * the stand-in ignores.
     */
    void databaseCreated(Database db, boolean system) {
        String options = system
                ? "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                : db.vgroups().count() + ", 1, 'off', '10d', "
                        + H2Store.literal(db.options().keepText()) + ", 256, 4, 256, 100, 4096, 2";
        h2.execute("INSERT INTO " + H2Store.table(NAME, INS_DATABASES) + " VALUES ("
                + H2Store.literal(db.name()) + ", " + db.createdAt() + ", 0, " + options + ", "
                + H2Store.literal(db.precision().text()) + ", 'ready')");
    }

    void databaseDropped(String db) {
        h2.execute("DELETE FROM " + H2Store.table(NAME, INS_DATABASES) + " WHERE " + H2Store.quote("name") + " = "
                + H2Store.literal(db));
        h2.execute("DELETE FROM " + H2Store.table(NAME, INS_TABLES) + " WHERE " + H2Store.quote("db_name") + " = "
                + H2Store.literal(db));
    }

    /** A subtable or normal table was created; {@code ins_databases.ntables} counts them, not super tables. */
    void tableCreated(TableDef table, long uid, int vgroupId, int ttl) {
        boolean child = table.kind() == TableDef.Kind.CHILD;
        h2.execute("INSERT INTO " + H2Store.table(NAME, INS_TABLES) + " VALUES (" + H2Store.literal(table.name()) + ", "
                + H2Store.literal(table.database()) + ", " + DatabasePrecision.MS.now() + ", "
                + table.columns().size() + ", "
                + (child ? H2Store.literal(table.superTable().name()) : "NULL") + ", " + uid + ", " + vgroupId + ", "
                + ttl + ", NULL, "
                + H2Store.literal(child ? "CHILD_TABLE" : "NORMAL_TABLE") + ")");
        countTables(table.database(), 1);
    }

    void tableDropped(TableDef table) {
        h2.execute("DELETE FROM " + H2Store.table(NAME, INS_TABLES) + " WHERE " + H2Store.quote("db_name") + " = "
                + H2Store.literal(table.database()) + " AND " + H2Store.quote("table_name") + " = "
                + H2Store.literal(table.name()));
        countTables(table.database(), -1);
    }

    private void countTables(String db, int delta) {
        h2.execute("UPDATE " + H2Store.table(NAME, INS_DATABASES) + " SET " + H2Store.quote("ntables") + " = "
                + H2Store.quote("ntables") + " + " + delta + " WHERE " + H2Store.quote("name") + " = "
                + H2Store.literal(db));
    }
}
