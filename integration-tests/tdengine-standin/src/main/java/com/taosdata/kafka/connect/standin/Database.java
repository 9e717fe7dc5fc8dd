package com.taosdata.kafka.connect.standin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** A TDengine database: its options, its vgroups, its tables, and the lock that orders writes to its rows. */
public final class Database {
    private final String name;
    private final DatabaseOptions options;
    private final Vgroups vgroups;
    private final long createdAt;
    private final Map<String, TableDef> tables = new ConcurrentHashMap<>();
    /** Rows are upserted under this lock so concurrent writers of the same timestamp cannot collide in H2. */
    private final ReentrantLock writeLock = new ReentrantLock();

    public Database(String name, DatabaseOptions options, Vgroups vgroups) {
        this.name = name;
        this.options = options;
        this.vgroups = vgroups;
        this.createdAt = DatabasePrecision.MS.now();
    }

    /** {@code information_schema} and {@code performance_schema}: millisecond tables served by the mnode. */
    static Database system(String name) {
        return new Database(name, DatabaseOptions.defaults(), Vgroups.MNODE);
    }

    public String name() {
        return name;
    }

    public DatabasePrecision precision() {
        return options.precision();
    }

    public DatabaseOptions options() {
        return options;
    }

    public Vgroups vgroups() {
        return vgroups;
    }

    public long createdAt() {
        return createdAt;
    }

    public Map<String, TableDef> tables() {
        return tables;
    }

    public ReentrantLock writeLock() {
        return writeLock;
    }
}
