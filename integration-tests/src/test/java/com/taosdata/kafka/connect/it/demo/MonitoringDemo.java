package com.taosdata.kafka.connect.it.demo;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.SourceConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The shipped monitoring setup with live data, for a look at the dashboard: a worker runs the Prometheus JMX exporter
 * agent with etc/tdconnect-jmx-exporter.yml on port {@code demo.agent.port} (9404); a sink writes a steady stream of
 * {@code meters} lines (a few bad ones among them, to its DLQ) into database {@code demo.database}; a query-mode and,
 * where TDengine offers TMQ, a subscription-mode source read that super table back. Every 10 seconds the key figures
 * are printed as the agent serves them. Runs for {@code demo.minutes}, then deletes the connectors and drops the
 * database and its TDengine topic. Point Prometheus at the agent (etc/ of the docs) to see it in Grafana.
 */
public final class MonitoringDemo {

    private MonitoringDemo() {}

    public static void main(String[] args) throws Exception {
        int agentPort = Integer.getInteger("demo.agent.port", 9404);
        int minutes = Integer.getInteger("demo.minutes", 5);
        int rowsPerSecond = Integer.getInteger("demo.rows.per.second", 2000);
        String database = System.getProperty("demo.database", "tdconnect_monitoring_demo");
        String topic = "demo-meters";
        try (KafkaBroker broker = KafkaBroker.start();
                TDengineTarget td = TDengineTarget.fromEnvironment()) {
            say("TDengine: " + (td.isStandIn() ? "the stand-in" : td.connectionUrl()));
            td.execute("DROP TOPIC IF EXISTS `tdconnect_" + database + "_meters`");
            td.dropDatabase(database);
            broker.createTopic(topic, 2);
            String agent = "-javaagent:" + System.getProperty("it.jmx.agent") + "=" + agentPort + ":"
                    + SinkConfigs.shippedFile("tdconnect-jmx-exporter.yml");
            try (ConnectWorker worker = ConnectWorker.start(
                    ConnectWorker.Version.KAFKA_4,
                    broker.bootstrapServers(),
                    "tdconnect-monitoring-demo",
                    "monitoring-demo",
                    Map.of(),
                    List.of(agent))) {
                ConnectRest rest = worker.rest();
                Map<String, String> sink = SinkConfigs.sink(td, topic, database);
                sink.put("tasks.max", "2");
                SinkConfigs.deadLetterQueue(sink, topic + "-dlq");
                rest.putConnector("demo-sink", sink);
                rest.awaitRunning("demo-sink", 2, Duration.ofSeconds(60));
                Producer producer = new Producer(broker, topic, rowsPerSecond);
                producer.start();
                while (td.query("SHOW `" + database + "`.STABLES").isEmpty()) {
                    Thread.sleep(500);
                }
                List<String> sources = new ArrayList<>();
                Map<String, String> query = SourceConfigs.query(td, database, "meters", "demo-query", "json");
                query.put("poll.interval.ms", "1000");
                rest.putConnector("demo-query", query);
                sources.add("demo-query");
                if (td.offersTmq()) {
                    Map<String, String> tmq = SourceConfigs.query(td, database, "meters", "demo-tmq", "json");
                    tmq.put("read.method", "subscription");
                    tmq.put("subscription.group.id", "tdconnect_monitoring_demo");
                    tmq.put("subscription.from", "earliest");
                    rest.putConnector("demo-tmq", tmq);
                    sources.add("demo-tmq");
                }
                sources.forEach(name -> rest.awaitRunning(name, 1, Duration.ofSeconds(60)));
                say("agent: http://127.0.0.1:" + agentPort + "/metrics; running " + minutes + " minute(s)");
                long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(10_000);
                    printFigures("http://127.0.0.1:" + agentPort + "/metrics");
                }
                producer.finish();
                for (String name : List.of("demo-sink", "demo-query", "demo-tmq")) {
                    if (name.equals("demo-sink") || sources.contains(name)) {
                        rest.deleteConnector(name);
                    }
                }
                Thread.sleep(5_000);
            } finally {
                for (int attempt = 0; attempt < 10; attempt++) {
                    try {
                        td.execute("DROP TOPIC IF EXISTS `tdconnect_" + database + "_meters`");
                        break;
                    } catch (RuntimeException e) {
                        Thread.sleep(3_000);
                    }
                }
                td.dropDatabase(database);
            }
        }
    }

    /** Lines of four meters at {@code rowsPerSecond}, stamped now; one in 5,000 is malformed (for the DLQ). */
    private static final class Producer extends Thread {
        private final KafkaBroker broker;
        private final String topic;
        private final int rowsPerSecond;
        private volatile boolean running = true;

        Producer(KafkaBroker broker, String topic, int rowsPerSecond) {
            super("demo-producer");
            setDaemon(true);
            this.broker = broker;
            this.topic = topic;
            this.rowsPerSecond = rowsPerSecond;
        }

        /** Stops after the batch being sent: an interrupt would abort the producer's send half way. */
        void finish() throws InterruptedException {
            running = false;
            join();
        }

        @Override
        public void run() {
            Random random = new Random(9);
            long n = 0;
            while (running) {
                List<String> batch = new ArrayList<>();
                long nowNanos = Instant.now().toEpochMilli() * 1_000_000L;
                for (int i = 0; i < rowsPerSecond / 10; i++, n++) {
                    batch.add(
                            n % 5_000 == 4_999
                                    ? "meters,dev=d" + (n % 4) + " current=oops" + " " + nowNanos
                                    : "meters,dev=d" + (n % 4) + " current=" + (10 + random.nextInt(500) / 100.0)
                                            + ",voltage=" + (215 + random.nextInt(10)) + "i32 "
                                            + (nowNanos + i * 1000L));
                }
                broker.produce(topic, batch);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void printFigures(String url) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        StringBuilder line = new StringBuilder();
        for (String sample : body.split("\n")) {
            if (sample.startsWith("tdconnect_source_ms_behind")
                    || sample.startsWith("tdconnect_source_tmq_offset_lag")
                    || sample.startsWith("tdconnect_sink_record_age_avg")
                    || sample.startsWith("tdconnect_sink_records_written_rate")
                    || sample.startsWith("tdconnect_source_rows_read_rate")
                    || sample.startsWith("tdconnect_sink_batch_write_latency_p99")
                    || sample.startsWith("tdconnect_sink_records_dead_lettered_total")) {
                line.append("\n  ").append(sample);
            }
        }
        say("figures:" + line);
    }

    private static void say(String message) {
        System.out.println("[monitoring-demo] " + message);
    }
}
