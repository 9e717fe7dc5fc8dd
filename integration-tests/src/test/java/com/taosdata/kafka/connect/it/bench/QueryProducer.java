package com.taosdata.kafka.connect.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The program a user would write instead of query mode, the baseline of {@link SourceBenchmark}: one JDBC
 * {@code SELECT *} of the super table, each row formatted as a line-protocol line and sent by a {@code KafkaProducer}
 * with default settings. Runs in a JVM of its own ({@link ChildJvm}): a shorter pass first (the JIT's, as the worker
 * had its warm-up connector), then the measured pass over every row; prints the measured pass as a {@link PathRun}.
 *
 * <p>Arguments: bootstrap servers, JDBC URL, user, password, database, super table, topic, warm-up topic, warm-up rows.
 */
public final class QueryProducer {

    private QueryProducer() {}

    public static void main(String[] args) throws Exception {
        Properties login = new Properties();
        login.setProperty("user", args[2]);
        login.setProperty("password", args[3]);
        String table = "`" + args[4] + "`.`" + args[5] + "`";
        Properties producerSettings = new Properties();
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Connection connection = DriverManager.getConnection(args[1], login);
                KafkaProducer<String, String> producer =
                        new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            Line line = Line.of(connection, table, args[5]);
            copy(connection, producer, line, "SELECT * FROM " + table + " LIMIT " + args[8], args[7]);
            Duration cpuBefore = ownCpu();
            ServerCpu.Sample serverBefore = ServerCpu.now();
            long start = System.nanoTime();
            int rows = copy(connection, producer, line, "SELECT * FROM " + table, args[6]);
            double seconds = (System.nanoTime() - start) / 1e9;
            PathRun run = PathRun.of(rows, seconds, ownCpu().minus(cpuBefore), serverBefore, ServerCpu.now());
            System.out.println(ChildJvm.RESULT + run.fields());
        }
    }

    /** Sends every row of {@code sql} to {@code topic} as a line; returns when Kafka has acknowledged them all. */
    private static int copy(
            Connection connection, KafkaProducer<String, String> producer, Line line, String sql, String topic)
            throws Exception {
        int rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                producer.send(new ProducerRecord<>(topic, line.format(result)));
                rows++;
            }
        }
        producer.flush();
        return rows;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    /** Formats rows of {@code SELECT *} on the super table: its columns as fields, its tags as tags. */
    private record Line(String measurement, List<String> fieldNames, List<String> tagNames) {

        /** The columns and tags as {@code DESCRIBE} lists them: the order of {@code SELECT *}. */
        static Line of(Connection connection, String table, String stable) throws Exception {
            List<String> fields = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet described = statement.executeQuery("DESCRIBE " + table)) {
                while (described.next()) {
                    boolean tag = "TAG".equalsIgnoreCase(described.getString(4));
                    (tag ? tags : fields).add(described.getString(1));
                }
            }
            return new Line(stable, fields.subList(1, fields.size()), tags);
        }

        String format(ResultSet row) throws Exception {
            StringBuilder line = new StringBuilder(128).append(measurement);
            int tagsFrom = 2 + fieldNames.size();
            for (int i = 0; i < tagNames.size(); i++) {
                line.append(',').append(tagNames.get(i)).append('=').append(row.getString(tagsFrom + i));
            }
            for (int i = 0; i < fieldNames.size(); i++) {
                line.append(i == 0 ? ' ' : ',')
                        .append(fieldNames.get(i))
                        .append('=')
                        .append(row.getObject(i + 2));
            }
            return line.append(' ').append(row.getLong(1)).toString();
        }
    }
}
