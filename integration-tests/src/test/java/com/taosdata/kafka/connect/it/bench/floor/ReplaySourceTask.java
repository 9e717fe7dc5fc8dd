package com.taosdata.kafka.connect.it.bench.floor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Sends its share of the rows (every {@code task.count}-th table of 100, each row with an offset of its own) as
 * ready-made lines, in polls as large as query mode's can be, then idles. The lines are built before the first poll,
 * so what the task costs while it sends is Connect's work and the producer's.
 */
public final class ReplaySourceTask extends SourceTask {

    static final int TABLES = 100;
    /** As many records as query mode's reader has ready at most for one poll. */
    private static final int RECORDS_PER_POLL = 5_000;

    private static final long FIRST_TIMESTAMP_NS = 1_700_000_000_000_000_000L;

    /** Lines built at the start and sent in turn: building a million would delay the first record by seconds. */
    private static final int LINES = 10_000;

    private String topic;
    private List<Map<String, String>> partitions;
    private List<String> tables;
    private int[] myTables;
    private String[] lines;
    private int toSend;
    private int sent;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(ReplaySourceConnector.TOPIC_CONFIG);
        int rows = Integer.parseInt(props.get(ReplaySourceConnector.ROWS_CONFIG));
        int task = Integer.parseInt(props.get(ReplaySourceConnector.TASK_CONFIG));
        int tasks = Integer.parseInt(props.get(ReplaySourceConnector.TASKS_CONFIG));
        partitions = new ArrayList<>(TABLES);
        tables = new ArrayList<>(TABLES);
        for (int table = 0; table < TABLES; table++) {
            tables.add("d" + table);
            partitions.add(Map.of("database", "bench_source", "table", "d" + table));
        }
        // Every task.count-th table; row r of the run is table r % 100's row r / 100.
        myTables = IntStream.range(0, TABLES).filter(t -> t % tasks == task).toArray();
        toSend = rows / TABLES * myTables.length
                + (int) IntStream.of(myTables).filter(t -> t < rows % TABLES).count();
        lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            int table = myTables[i % myTables.length];
            lines[i] = "meters,location=California.City" + (table % 10) + ",groupid=" + (table % 10) + ",device=d"
                    + table + " current=" + (10 + (i % 7) * 0.5) + ",voltage=" + (218 + i % 5) + "i32,phase="
                    + (0.3 + (i % 3) * 0.01) + " " + timestamp(i / myTables.length);
        }
    }

    private static long timestamp(int step) {
        return FIRST_TIMESTAMP_NS + step * 1_000_000L;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (sent == toSend) {
            Thread.sleep(100);
            return null;
        }
        int end = Math.min(toSend, sent + RECORDS_PER_POLL);
        List<SourceRecord> records = new ArrayList<>(end - sent);
        for (int i = sent; i < end; i++) {
            int table = myTables[i % myTables.length];
            long timestamp = timestamp(i / myTables.length);
            records.add(new SourceRecord(
                    partitions.get(table),
                    Map.of("ts", timestamp, "rows", 1L, "precision", "ns"),
                    topic,
                    null,
                    Schema.STRING_SCHEMA,
                    tables.get(table),
                    Schema.STRING_SCHEMA,
                    lines[i % LINES],
                    timestamp / 1_000_000L));
        }
        sent = end;
        return records;
    }

    @Override
    public void stop() {}

    @Override
    public String version() {
        return "bench";
    }
}
