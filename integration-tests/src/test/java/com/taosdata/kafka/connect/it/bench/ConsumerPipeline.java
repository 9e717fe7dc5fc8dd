package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The program a user would write instead of Connect: a {@code KafkaConsumer} per thread, each on its share of the
 * topic's partitions, feeding TDengine's schemaless writer ({@link DirectWriter.Session}) {@value
 * DirectWriter#LINES_PER_CALL} lines per call, with Kafka's default consumer settings. The baseline of the sink with
 * Kafka in the loop.
 */
final class ConsumerPipeline {

    private ConsumerPipeline() {}

    static void run(
            String bootstrapServers, TDengineTarget td, String topic, int partitions, String database, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<DirectWriter.Session> sessions = new ArrayList<>();
        try {
            List<Future<Void>> consumers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<TopicPartition> share = new ArrayList<>();
                for (int p = t; p < partitions; p += threads) {
                    share.add(new TopicPartition(topic, p));
                }
                // Opened here: the driver's WebSocket URLs are not found by DriverManager from the pool's threads.
                DirectWriter.Session session = DirectWriter.Session.open(td, database);
                sessions.add(session);
                consumers.add(pool.submit(() -> {
                    consume(bootstrapServers, share, session);
                    return null;
                }));
            }
            for (Future<Void> consumer : consumers) {
                consumer.get();
            }
        } finally {
            pool.shutdownNow();
            for (DirectWriter.Session session : sessions) {
                session.close();
            }
        }
    }

    /** Reads {@code partitions} from their start to their current end, writing every full chunk and the rest. */
    private static void consume(String bootstrapServers, List<TopicPartition> partitions, DirectWriter.Session session)
            throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-pipeline-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long remaining = ends.values().stream().mapToLong(Long::longValue).sum();
            List<String> chunk = new ArrayList<>(DirectWriter.LINES_PER_CALL);
            while (remaining > 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    chunk.add(record.value());
                    remaining--;
                    if (chunk.size() == DirectWriter.LINES_PER_CALL) {
                        session.write(chunk);
                        chunk.clear();
                    }
                }
            }
            if (!chunk.isEmpty()) {
                session.write(chunk);
            }
        }
    }
}
