package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.List;

/**
 * Writes schemaless payloads into one TDengine database in one call. Implementations report every failure as a
 * {@link TDengineException} carrying TDengine's error code, so callers can tell data errors from transient ones.
 */
public interface SchemalessWriter extends AutoCloseable {

    /**
     * @param database the target database (already created)
     * @param payloads line or telnet lines, or OpenTSDB JSON documents (objects or arrays), in record order
     * @return the payloads' size in UTF-8 bytes, separators between them not counted
     */
    long write(String database, List<String> payloads) throws TDengineException;

    @Override
    void close();
}
