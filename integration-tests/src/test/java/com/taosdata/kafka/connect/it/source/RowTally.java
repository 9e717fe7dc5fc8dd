package com.taosdata.kafka.connect.it.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a source connector wrote of {@link MeterStream}'s rows to its topic, read committed from the beginning: per
 * subtable which rows arrived, which arrived again and whether they came in timestamp order. It keeps tallies, not
 * records, so a million rows fit a small heap; {@link TopicReader} keeps the records for the smaller suites.
 */
final class RowTally implements AutoCloseable {

    private static final int EXAMPLES = 10;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long base;
    private final Map<String, BitSet> seen = new HashMap<>();
    private final Map<String, Long> lastTs = new HashMap<>();
    private final List<String> repeated = new ArrayList<>();
    private final List<String> unordered = new ArrayList<>();
    private int records;
    private int duplicates;
    private int outOfOrder;

    /** {@code base}: the stream's first timestamp, so that row {@code i} of a subtable is at {@code base + i} seconds. */
    RowTally(String bootstrapServers, String topic, long base) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.base = base;
    }

    /** Reads what arrived since the last call, until a fetch brings nothing new. */
    void poll() {
        ConsumerRecords<byte[], byte[]> batch;
        do {
            batch = consumer.poll(Duration.ofMillis(200));
            batch.forEach(this::add);
        } while (!batch.isEmpty());
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        records++;
        RowKey row = RowKey.of(record);
        BitSet rows = seen.computeIfAbsent(row.table(), t -> new BitSet());
        int index = Math.toIntExact((row.ts() - base) / 1000L);
        if (rows.get(index)) {
            duplicates++;
            if (repeated.size() < EXAMPLES) {
                repeated.add(row + " again at offset " + record.offset());
            }
        }
        rows.set(index);
        Long previous = lastTs.put(row.table(), row.ts());
        if (previous != null && previous >= row.ts()) {
            outOfOrder++;
            if (unordered.size() < EXAMPLES) {
                unordered.add(row + " after ts " + previous + " at offset " + record.offset());
            }
        }
    }

    /** Records read so far. */
    int records() {
        poll();
        return records;
    }

    /** Different rows read so far. */
    int distinct() {
        poll();
        return seen.values().stream().mapToInt(BitSet::cardinality).sum();
    }

    /** Records repeating a row read before. */
    Findings duplicates() {
        poll();
        return new Findings(duplicates, repeated);
    }

    /** Records not newer than the one before of the same subtable. */
    Findings outOfOrder() {
        poll();
        return new Findings(outOfOrder, unordered);
    }

    /** Rows 0 to {@code perTable} - 1 of each subtable not read so far. */
    Findings missing(List<String> tables, int perTable) {
        poll();
        int count = 0;
        List<String> examples = new ArrayList<>();
        for (String table : tables) {
            BitSet rows = seen.getOrDefault(table, new BitSet());
            for (int i = rows.nextClearBit(0); i < perTable; i = rows.nextClearBit(i + 1)) {
                count++;
                if (examples.size() < EXAMPLES) {
                    examples.add(table + " row " + i + " (ts " + (base + i * 1000L) + ")");
                }
            }
        }
        return new Findings(count, examples);
    }

    /** How many of something were found, and the first few. */
    record Findings(int count, List<String> first) {

        Findings {
            first = List.copyOf(first);
        }

        @Override
        public String toString() {
            return count + (first.isEmpty() ? "" : ", first " + first);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
