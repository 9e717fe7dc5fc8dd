package com.taosdata.kafka.connect.standin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** A TDengine database: its precision, its tables, and the lock that orders writes to its rows. */
public final class Database {
    private final String name;
    private final Precision precision;
    private final long createdAt;
    private final Map<String, TableDef> tables = new ConcurrentHashMap<>();
    /** Rows are upserted under this lock so concurrent writers of the same timestamp cannot collide in H2. */
    private final ReentrantLock writeLock = new ReentrantLock();

    public Database(String name, Precision precision) {
        this.name = name;
        this.precision = precision;
        this.createdAt = Precision.MS.now();
    }

    public String name() {
        return name;
    }

    public Precision precision() {
        return precision;
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
