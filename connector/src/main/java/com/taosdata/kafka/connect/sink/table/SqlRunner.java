package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.List;
import java.util.Optional;

/**
 * Runs the statements of typed writes: DDL, {@code DESCRIBE} and {@code INSERT}. Every failure is a
 * {@link TDengineException} carrying TDengine's code, so callers tell data errors from transient ones.
 */
public interface SqlRunner extends AutoCloseable {

    /** Runs a statement that returns no rows. */
    void execute(String sql) throws TDengineException;

    /** The columns and tags of {@code database.table} in declaration order, or empty when it does not exist. */
    Optional<List<StableColumn>> describe(String database, String table) throws TDengineException;

    @Override
    void close();
}
