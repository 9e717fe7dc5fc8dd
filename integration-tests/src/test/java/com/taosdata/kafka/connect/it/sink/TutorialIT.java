package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TDengine's Kafka tutorial, literally: the shipped sink-demo.properties with only the TDengine address (and, against
 * a real server, its credentials) changed, the tutorial's four lines produced to topic meters, and the tutorial's
 * table read back from power.meters.
 */
class TutorialIT {

    private static final List<String> LINES = List.of(
            "meters,location=Beijing.Haidian,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000",
            "meters,location=Beijing.Haidian,groupid=3 current=10.8,voltage=223,phase=0.29 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=3 current=11.3,voltage=221,phase=0.35 1648432611250000000");

    private static ItEnvironment env;
    private static String connector;

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
        env.tdengine().dropDatabase("power");
    }

    @AfterAll
    static void tearDown() {
        if (connector != null) {
            env.worker().rest().deleteConnector(connector);
        }
    }

    @Test
    void theTutorialsFourLinesLandInPowerMeters() throws Exception {
        Map<String, String> config = SinkConfigs.shipped("sink-demo.properties");
        assertThat(config)
                .containsEntry("topics", "meters")
                .containsEntry("connection.database", "power")
                .containsEntry("db.schemaless", "line")
                .containsEntry("connection.url", "jdbc:TAOS://127.0.0.1:6030");
        config.putAll(env.tdengine().connectionConfig());
        connector = config.get("name");

        env.broker().createTopic("meters", 1);
        ConnectRest rest = env.worker().rest();
        rest.putConnector(connector, config);
        rest.awaitRunning(connector, 1, Duration.ofSeconds(60));
        env.broker().produce("meters", LINES);

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count("power.meters") == 4);
        List<Map<String, Object>> rows = td.query("SELECT * FROM power.meters");
        rows.sort(
                Comparator.comparing((Map<String, Object> r) -> r.get("groupid").toString())
                        .thenComparing(r -> TDengineTarget.epochNanos(firstColumn(r))));

        assertThat(rows).hasSize(4);
        assertRow(rows.get(0), 1648432611249000000L, 11.8, 221.0, 0.28, "2");
        assertRow(rows.get(1), 1648432611250000000L, 13.4, 223.0, 0.29, "2");
        assertRow(rows.get(2), 1648432611249000000L, 10.8, 223.0, 0.29, "3");
        assertRow(rows.get(3), 1648432611250000000L, 11.3, 221.0, 0.35, "3");
        assertThat(rows.get(0).keySet())
                .as("timestamp, then fields, then tags")
                .containsSubsequence("current", "voltage", "phase")
                .contains("groupid", "location");
    }

    private static Object firstColumn(Map<String, Object> row) {
        return row.values().iterator().next();
    }

    private static void assertRow(
            Map<String, Object> row, long nanos, double current, double voltage, double phase, String group) {
        assertThat(TDengineTarget.epochNanos(firstColumn(row))).isEqualTo(nanos);
        assertThat(((Number) row.get("current")).doubleValue()).isEqualTo(current);
        assertThat(((Number) row.get("voltage")).doubleValue()).isEqualTo(voltage);
        assertThat(((Number) row.get("phase")).doubleValue()).isEqualTo(phase);
        assertThat(row.get("groupid").toString()).isEqualTo(group);
        assertThat(row.get("location").toString()).isEqualTo("Beijing.Haidian");
    }
}
