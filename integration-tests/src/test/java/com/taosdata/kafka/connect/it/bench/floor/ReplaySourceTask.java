package com.taosdata.kafka.connect.it.bench.floor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Sends its share of the rows (every {@code task.count}-th table of 100) as ready-made lines, in polls of the size
 * query mode hands over, then idles. The lines are built before the first poll, so what the task costs while it sends
 * is Connect's work and the producer's.
 */
public final class ReplaySourceTask extends SourceTask {

    static final int TABLES = 100;
    /** As many records as query mode's reader has ready at most for one poll. */
    private static final int RECORDS_PER_POLL = 5_000;

    private static final long FIRST_TIMESTAMP_NS = 1_700_000_000_000_000_000L;

    private String topic;
    private List<Map<String, String>> partitions;
    private List<String> tables;
    private String[] lines;
    private long[] timestamps;
    private int[] tableOf;
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
        List<Integer> mine = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            if (row % TABLES % tasks == task) {
                mine.add(row);
            }
        }
        lines = new String[mine.size()];
        timestamps = new long[mine.size()];
        tableOf = new int[mine.size()];
        for (int i = 0; i < lines.length; i++) {
            int row = mine.get(i);
            int table = row % TABLES;
            long timestamp = FIRST_TIMESTAMP_NS + (long) (row / TABLES) * 1_000_000L;
            tableOf[i] = table;
            timestamps[i] = timestamp;
            lines[i] = "meters,location=California.City" + (table % 10) + ",groupid=" + (table % 10) + ",device=d"
                    + table + " current=" + (10 + (row % 7) * 0.5) + ",voltage=" + (218 + row % 5) + "i32,phase="
                    + (0.3 + (row % 3) * 0.01) + " " + timestamp;
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (sent == lines.length) {
            Thread.sleep(100);
            return null;
        }
        int end = Math.min(lines.length, sent + RECORDS_PER_POLL);
        List<SourceRecord> records = new ArrayList<>(end - sent);
        for (int i = sent; i < end; i++) {
            int table = tableOf[i];
            records.add(new SourceRecord(
                    partitions.get(table),
                    Map.of("ts", timestamps[i], "rows", 1L, "precision", "ns"),
                    topic,
                    null,
                    Schema.STRING_SCHEMA,
                    tables.get(table),
                    Schema.STRING_SCHEMA,
                    lines[i],
                    timestamps[i] / 1_000_000L));
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
