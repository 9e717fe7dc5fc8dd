package com.taosdata.kafka.connect.it.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What reads a source's topic in a deployment, run beside every measured path when {@code bench.consumer=jvm} (as the
 * issue 19 measurements had one): a {@code KafkaConsumer} in a JVM of its own ({@link ChildJvm}) on every topic
 * matching a pattern, as they appear, parsing each line-protocol record into its measurement, tags, fields (numbers
 * parsed) and timestamp. Runs until killed; prints how many records it parsed every 10 s.
 *
 * <p>Arguments: bootstrap servers, topic pattern.
 */
public final class ParsingConsumer {

    private ParsingConsumer() {}

    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-parsing-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Finds each path's topic within a second of its creation.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Pattern.compile(args[1]));
            long parsed = 0;
            double sum = 0;
            long reportAt = System.nanoTime();
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    sum += parse(record.value());
                    parsed++;
                }
                if (System.nanoTime() > reportAt) {
                    System.out.println("parsed " + parsed + " records (checksum " + sum + ")");
                    reportAt = System.nanoTime() + 10_000_000_000L;
                }
            }
        }
    }

    /** Splits a line into its parts and parses its numbers; returns their sum (so none of it is optimized away). */
    private static double parse(String line) {
        if (line == null) {
            return 0;
        }
        String[] parts = line.split(" ");
        if (parts.length < 3) {
            return line.length();
        }
        double sum = parts[0].split(",").length + Long.parseLong(parts[parts.length - 1]) % 1000;
        for (String field : parts[1].split(",")) {
            String value = field.substring(field.indexOf('=') + 1);
            if (value.endsWith("i32") || value.endsWith("i64")) {
                value = value.substring(0, value.length() - 3);
            } else if (value.endsWith("i")) {
                value = value.substring(0, value.length() - 1);
            }
            try {
                sum += Double.parseDouble(value);
            } catch (NumberFormatException e) {
                sum += value.length();
            }
        }
        return sum;
    }
}
