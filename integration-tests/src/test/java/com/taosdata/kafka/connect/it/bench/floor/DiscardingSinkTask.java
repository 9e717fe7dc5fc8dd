package com.taosdata.kafka.connect.it.bench.floor;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Takes records and drops them; Connect commits their offsets as for any sink that keeps up. */
public final class DiscardingSinkTask extends SinkTask {

    @Override
    public void start(Map<String, String> props) {}

    @Override
    public void put(Collection<SinkRecord> records) {}

    @Override
    public void stop() {}

    @Override
    public String version() {
        return "bench";
    }
}
