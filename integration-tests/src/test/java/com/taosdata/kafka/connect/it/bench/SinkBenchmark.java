package com.taosdata.kafka.connect.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;

/**
 * One run, three rates on the same pre-filled topic of {@code meters} lines: the raw Kafka consumer, TDengine's own
 * schemaless writer (10,000 lines per call) and the sink end to end with its default configuration, with 1 and 2 tasks;
 * printed with the ratios. Run by {@code bench/sink-bench.sh}; uses TDENGINE_URL when set.
 */
public final class SinkBenchmark {

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("bench.lines", 1_000_000);
        List<String> meters = meters(lines);
        try (KafkaBroker broker = KafkaBroker.start(); TDengineTarget td = TDengineTarget.fromEnvironment();
             ConnectWorker worker = ConnectWorker.start(ConnectWorker.Version.KAFKA_4, broker.bootstrapServers(), "bench", "bench-worker", Map.of())) {
            String topic = "bench_meters";
            broker.createTopic(topic, 2);
            for (int from = 0; from < lines; from += 50_000) {
                broker.produce(topic, meters.subList(from, Math.min(lines, from + 50_000)));
            }
            Measure.say("topic " + topic + " holds " + lines + " meters lines; TDengine: " + (td.isStandIn() ? "STAND-IN" : td.connectionUrl()));

            double consumer = Measure.rate(lines, () -> consumeAll(broker, topic, lines));
            td.dropDatabase("bench_direct");
            double direct = Measure.rate(lines, () -> DirectWriter.write(td, "bench_direct", meters));
            double oneTask = sinkRate(worker.rest(), td, topic, lines, 1);
            double twoTasks = sinkRate(worker.rest(), td, topic, lines, 2);

            Measure.header("lines/s", "direct");
            Measure.row("raw Kafka consumer", consumer, direct);
            Measure.row("direct schemaless writer (10,000 lines/call)", direct, direct);
            Measure.row("tdconnect sink, default config, 1 task", oneTask, direct);
            Measure.row("tdconnect sink, default config, 2 tasks", twoTasks, direct);
        }
    }

    private static double sinkRate(ConnectRest rest, TDengineTarget td, String topic, int lines, int tasks) throws Exception {
        String name = "bench_sink_" + tasks;
        td.dropDatabase(name);
        Map<String, String> config = SinkConfigs.sink(td, topic, name);
        config.remove("batch.linger.ms");
        config.put("tasks.max", Integer.toString(tasks));
        return Measure.rate(lines, () -> {
            rest.putConnector(name, config);
            while (td.count(name + ".meters") < lines) {
                Thread.sleep(100);
            }
            rest.deleteConnector(name);
        });
    }

    private static void consumeAll(KafkaBroker broker, String topic, int lines) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (seen < lines) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
        }
    }

    /** Distinct rows: 100 devices in 10 groups, one row per device per millisecond step. */
    static List<String> meters(int lines) {
        List<String> out = new ArrayList<>(lines);
        long t0 = 1700000000000000000L;
        for (int i = 0; i < lines; i++) {
            int device = i % 100;
            out.add("meters,location=California.City" + (device % 10) + ",groupid=" + (device % 10) + ",device=d" + device
                    + " current=" + (10 + (i % 7) * 0.5) + ",voltage=" + (218 + i % 5) + "i32,phase=" + (0.3 + (i % 3) * 0.01)
                    + " " + (t0 + (long) (i / 100) * 1_000_000L));
        }
        return out;
    }
}
