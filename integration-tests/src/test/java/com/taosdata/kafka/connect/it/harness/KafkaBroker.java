package com.taosdata.kafka.connect.it.harness;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.awaitility.core.ConditionTimeoutException;

/** A real single-node Kafka broker in KRaft mode (combined broker and controller), running in the test JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start() throws Exception {
        // An in-JVM broker must not end the test JVM: at shutdown, the test kit's temp-directory hook can delete the
        // log directory under a broker still closing, and the broker then calls Exit.halt(1). Kafka's own tests
        // install the same guard; a broker in trouble during a test still fails that test through its clients.
        Exit.setExitProcedure((status, message) ->
                System.err.println("[tdconnect-it] broker exit(" + status + ") ignored: " + message));
        Exit.setHaltProcedure((status, message) ->
                System.err.println("[tdconnect-it] broker halt(" + status + ") ignored: " + message));
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaBroker(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("creating topic " + topic, e);
        }
    }

    public Set<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException("listing topics", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    public void produce(String topic, List<String> values) {
        List<byte[]> bytes = new ArrayList<>();
        values.forEach(v -> bytes.add(v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        produceBytes(topic, null, bytes);
    }

    /** Sends values in order; {@code partition} null lets the producer spread them; a null value is a tombstone. */
    public void produceBytes(String topic, Integer partition, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            int i = 0;
            for (byte[] value : values) {
                byte[] key = ("k" + i++).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, partition, key, value));
            }
            producer.flush();
        }
    }

    /** A record value and the timestamp its producer sets, in epoch milliseconds. */
    public record Timestamped(String value, long timestamp) {}

    /** Sends values in order to partition 0, each record with its own timestamp (kept by a CreateTime topic). */
    public void produceTimestamped(String topic, List<Timestamped> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Timestamped value : values) {
                producer.send(new ProducerRecord<>(
                        topic, 0, value.timestamp(), null, value.value().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** A producer of this broker waiting for every replica's acknowledgement; the caller closes it. */
    public KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads everything currently in {@code topic}, waiting until {@code expected} records arrived or the timeout passed. */
    public List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            try {
                await().atMost(timeout)
                        .pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                            return records.size() >= expected;
                        });
            } catch (ConditionTimeoutException e) {
                // Fewer records than expected: returned all the same, for the caller's assertion to name what is
                // missing.
            }
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
