package com.taosdata.kafka.connect.it.demo;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * TDengine's Kafka tutorial end to end on this machine: a KRaft broker, a distributed Connect worker loading the
 * packaged plugin, TDengine from TDENGINE_URL (or the stand-in), the shipped sink-demo.properties, the four meters
 * lines, and {@code select * from power.meters}. Run by {@code mvn -B verify -Pdemo -DskipTests}.
 */
public final class TutorialDemo {

    private static final List<String> LINES = List.of(
            "meters,location=Beijing.Haidian,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000",
            "meters,location=Beijing.Haidian,groupid=3 current=10.8,voltage=223,phase=0.29 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=3 current=11.3,voltage=221,phase=0.35 1648432611250000000");

    private static final DateTimeFormatter NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

    private TutorialDemo() {}

    public static void main(String[] args) throws Exception {
        say("starting a Kafka broker (KRaft, in-process)");
        try (KafkaBroker broker = KafkaBroker.start();
                TDengineTarget tdengine = TDengineTarget.fromEnvironment()) {
            say(
                    tdengine.isStandIn()
                            ? "TDengine: the STAND-IN server (set TDENGINE_URL=jdbc:TAOS-WS://host:6041 to use a real TDengine)"
                            : "TDengine: the REAL server at " + tdengine.connectionUrl());
            say("starting a Kafka Connect worker (distributed mode) with the plugin from "
                    + System.getProperty("it.plugin.path"));
            try (ConnectWorker worker = ConnectWorker.start(
                    ConnectWorker.Version.KAFKA_4,
                    broker.bootstrapServers(),
                    "tdconnect-demo",
                    "demo-worker",
                    Map.of())) {
                tdengine.dropDatabase("power");
                Map<String, String> config = SinkConfigs.shipped("sink-demo.properties");
                config.putAll(tdengine.connectionConfig());
                say("loading sink-demo.properties (connection.url -> " + config.get("connection.url") + ")");
                broker.createTopic("meters", 1);
                ConnectRest rest = worker.rest();
                rest.putConnector(config.get("name"), config);
                rest.awaitRunning(config.get("name"), 1, Duration.ofSeconds(60));
                say("producing the tutorial's four lines to topic meters");
                broker.produce("meters", LINES);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (tdengine.count("power.meters") < LINES.size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                say("taos> select * from power.meters;");
                List<Map<String, Object>> rows = tdengine.query("SELECT * FROM power.meters");
                printTable(rows);
                if (rows.size() != LINES.size()) {
                    throw new IllegalStateException("expected " + LINES.size() + " rows, found " + rows.size()
                            + "; worker log:\n" + worker.logTail());
                }
                say("Query OK, " + rows.size() + " row(s) in set. The tutorial flow works end to end.");
            }
        }
    }

    private static void printTable(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        System.out.println(" " + String.join(" | ", rows.get(0).keySet()) + "   (timestamps in UTC)");
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            row.values()
                    .forEach(v -> line.append(v instanceof Timestamp ? NANOS.format(((Timestamp) v).toInstant()) : v)
                            .append(" | "));
            System.out.println(line.substring(0, line.length() - 3));
        }
    }

    private static void say(String message) {
        System.out.println("[tdconnect demo] " + message);
    }
}
