package com.taosdata.kafka.connect.source.read;

import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/** How a task reads TDengine: by query or by subscription. Called from one reading thread only, except close. */
public interface SourceReader extends AutoCloseable {

    /** The next records, or an empty list after waiting a while when there are none. */
    List<SourceRecord> poll() throws InterruptedException;

    /** Kafka acknowledged {@code record} (or dropped it on purpose); may be called from any thread. */
    default void acknowledge(SourceRecord record) {}

    /** Releases connections and consumers; may be called from another thread while {@link #poll} runs. */
    @Override
    void close();
}
