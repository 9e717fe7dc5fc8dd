package com.taosdata.kafka.connect.it.bench;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.Deserializer;
import com.taosdata.jdbc.tmq.TMQConstants;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The program a user would write instead of subscription mode, the baseline of {@link SourceBenchmark}: the driver's
 * {@code TaosConsumer} on the TDengine topic the connector subscribes to, with the settings it uses (a new group from
 * the earliest row, no automatic commits, rows as value arrays), each row formatted as a line and sent by a
 * {@code KafkaProducer} with default settings. Runs in a JVM of its own ({@link ChildJvm}) against TDENGINE_URL: a
 * shorter pass first in another group (the JIT's), then the measured one; prints it as a {@link PathRun}.
 *
 * <p>Arguments: bootstrap servers, TDengine topic, Kafka topic, warm-up Kafka topic, rows, warm-up rows.
 */
public final class TmqProducer {

    private TmqProducer() {}

    public static void main(String[] args) throws Exception {
        Properties producerSettings = new Properties();
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (TDengineTarget td = TDengineTarget.fromEnvironment();
                KafkaProducer<String, String> producer =
                        new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            copy(td, producer, args[1], args[3], Integer.parseInt(args[5]));
            Duration cpuBefore =
                    ProcessHandle.current().info().totalCpuDuration().orElseThrow();
            ServerCpu.Sample serverBefore = ServerCpu.now();
            long start = System.nanoTime();
            int rows = copy(td, producer, args[1], args[2], Integer.parseInt(args[4]));
            double seconds = (System.nanoTime() - start) / 1e9;
            Duration cpu = ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .orElseThrow()
                    .minus(cpuBefore);
            System.out.println(ChildJvm.RESULT
                    + PathRun.of(rows, seconds, cpu, serverBefore, ServerCpu.now())
                            .fields());
        }
    }

    /** Sends {@code rows} rows of the TDengine topic to {@code topic}, in a new group; returns once Kafka has them. */
    private static int copy(
            TDengineTarget td, KafkaProducer<String, String> producer, String tmqTopic, String topic, int rows)
            throws Exception {
        Properties settings = td.tmqConsumerProperties(
                "bench_plain_" + UUID.randomUUID().toString().replace("-", ""), "bench-plain");
        settings.setProperty(TMQConstants.VALUE_DESERIALIZER, Values.class.getName());
        int seen = 0;
        try (TaosConsumer<Object[]> consumer = new TaosConsumer<>(settings)) {
            consumer.subscribe(List.of(tmqTopic));
            while (seen < rows) {
                for (ConsumerRecord<Object[]> record : consumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(topic, Values.line(record.value())));
                    seen++;
                }
            }
            consumer.unsubscribe();
        }
        producer.flush();
        return seen;
    }

    /** A row as its values, and the column names once (the topic's {@code SELECT tbname, ...}). */
    public static final class Values implements Deserializer<Object[]> {

        /** The driver deserializes on a thread of its own with WebSocket URLs: the names are shared, not per thread. */
        private static volatile String[] names;

        @Override
        public Object[] deserialize(ResultSet data, String topic, String database) throws SQLException {
            ResultSetMetaData metadata = data.getMetaData();
            int count = metadata.getColumnCount();
            if (names == null || names.length != count) {
                String[] labels = new String[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = metadata.getColumnLabel(i + 1);
                }
                names = labels;
            }
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = data.getObject(i + 1);
            }
            return values;
        }

        /** The row as a line: its text values (tags) as tags, its numbers as fields, its timestamp last. */
        static String line(Object[] values) {
            StringBuilder tags = new StringBuilder(128).append("meters");
            StringBuilder fields = new StringBuilder(64);
            Object timestamp = null;
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof Timestamp ts) {
                    timestamp = ts.getTime();
                } else if (value instanceof Number) {
                    fields.append(fields.isEmpty() ? ' ' : ',')
                            .append(names[i])
                            .append('=')
                            .append(value);
                } else if (!"tbname".equals(names[i])) {
                    tags.append(',').append(names[i]).append('=').append(text(value));
                }
            }
            return tags.append(fields).append(' ').append(timestamp).toString();
        }

        private static String text(Object value) {
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
        }
    }
}
