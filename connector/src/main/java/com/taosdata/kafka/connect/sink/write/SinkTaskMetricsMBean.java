package com.taosdata.kafka.connect.sink.write;

/** JMX view of one sink task: {@code com.taosdata.kafka.connect:type=sink-task-metrics,connector=…,task=…}. */
public interface SinkTaskMetricsMBean {

    long getRecordsWritten();

    long getLinesWritten();

    long getBatchesWritten();

    long getRetries();

    long getRecordsDeadLettered();

    long getTombstonesSkipped();

    double getWriteLatencyAvgMs();

    double getWriteLatencyMaxMs();

    long getBufferedLines();
}
