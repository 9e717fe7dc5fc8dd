package com.taosdata.kafka.connect.it.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Databases;
import com.taosdata.kafka.connect.it.source.Meters;
import com.taosdata.kafka.connect.it.source.SourceConfigs;
import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring setup shipped in the plugin's etc/: a worker runs the Prometheus JMX exporter agent with
 * {@code tdconnect-jmx-exporter.yml}, as the README tells operators to, while a sink and a source (query mode, and
 * subscription mode where the TDengine offers TMQ) run on it. Every exporter rule must match at least one attribute of
 * the beans the tasks publish (checked over remote JMX with the exporter's own collector, one rule at a time), and
 * every metric the Grafana dashboard queries must be among those the agent serves. Deleting the connectors removes
 * their beans.
 */
class MonitoringIT {

    private static final String RULES = "tdconnect-jmx-exporter.yml";
    private static final String DASHBOARD = "tdconnect-grafana-dashboard.json";
    /** Published by subscription-mode tasks only: a TDengine without TMQ (the stand-in) cannot show them. */
    private static final Set<String> SUBSCRIPTION_ONLY = Set.of("tdconnect_source_tmq_offset_lag");

    private static final Pattern METRIC = Pattern.compile("\\btdconnect_[a-z0-9_]+");

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @Test
    void everyExporterRuleMatchesARealBeanAndEveryDashboardQueryAMetricTheRulesProduce() throws Exception {
        Path rules = SinkConfigs.shippedFile(RULES);
        int agentPort = ConnectWorker.freePort();
        int jmxPort = ConnectWorker.freePort();
        String group = ItEnvironment.unique("monitoring");
        try (ConnectWorker worker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_4,
                env.broker().bootstrapServers(),
                group,
                group + "-w1",
                Map.of(),
                Stream.concat(
                                Stream.of("-javaagent:" + System.getProperty("it.jmx.agent") + "=127.0.0.1:" + agentPort
                                        + ":" + rules),
                                ConnectWorker.remoteJmxOptions(jmxPort).stream())
                        .toList())) {
            ConnectRest rest = worker.rest();
            List<String> connectors = runConnectors(rest, group);
            String jmxUrl = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi";
            String metricsUrl = "http://127.0.0.1:" + agentPort + "/metrics";
            // Until every task has read or written something, so that the windowed values are there too.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Double> served = served(metricsUrl);
                return served.getOrDefault("tdconnect_sink_records_written_total", 0.0) > 0
                        && served.getOrDefault("tdconnect_source_rows_read_total", 0.0) > 0;
            });

            Map<String, Object> config = new Yaml().load(Files.readString(rules));
            List<Map<String, Object>> ruleList = rulesOf(config);
            assertThat(ruleList).isNotEmpty();
            for (Map<String, Object> rule : ruleList) {
                assertThat(collectWithOnly(rule, config, jmxUrl))
                        .as("metrics of rule %s", rule.get("pattern"))
                        .isNotEmpty();
            }

            Set<String> served = served(metricsUrl).keySet();
            Set<String> queried = dashboardMetrics(SinkConfigs.shippedFile(DASHBOARD));
            assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(10);
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(served);
            if (td.offersTmq()) {
                assertThat(missing)
                        .as("dashboard metrics the agent does not serve")
                        .isEmpty();
            } else {
                assertThat(missing)
                        .as("dashboard metrics the agent does not serve")
                        .isEqualTo(SUBSCRIPTION_ONLY);
            }

            connectors.forEach(rest::deleteConnector);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tdconnectBeans(jmxUrl).isEmpty());
        }
    }

    /** A sink with a few lines written, a query source over a few rows and, on a TMQ-capable TDengine, a subscription. */
    private List<String> runConnectors(ConnectRest rest, String group) {
        List<String> names = new ArrayList<>();
        String sinkDatabase = databases.add(ItEnvironment.unique("mon_sink"));
        env.broker().createTopic(group, 1);
        String sink = group + "-sink";
        rest.putConnector(sink, SinkConfigs.sink(td, group, sinkDatabase));
        names.add(sink);
        env.broker().produce(group, List.of("m,dev=a v=1.5 " + nowNanos(), "m,dev=a v=2.5 " + (nowNanos() + 1000)));

        String sourceDatabase = databases.add(ItEnvironment.unique("mon_src"));
        Meters.create(td, sourceDatabase);
        Meters.insert(td, sourceDatabase, Meters.rows("d1", "California.San Francisco", 2, Meters.baseTs(), 0, 5));
        String query = group + "-query";
        rest.putConnector(query, SourceConfigs.query(td, sourceDatabase, Meters.STABLE, query, "json"));
        names.add(query);
        if (td.offersTmq()) {
            databases.addTopic("tdconnect_" + sourceDatabase + "_" + Meters.STABLE);
            String subscription = group + "-tmq";
            Map<String, String> config = SourceConfigs.query(td, sourceDatabase, Meters.STABLE, subscription, "json");
            config.put("read.method", "subscription");
            config.put("subscription.group.id", subscription.replace('-', '_'));
            config.put("subscription.from", "earliest");
            rest.putConnector(subscription, config);
            names.add(subscription);
        }
        for (String name : names) {
            rest.awaitRunning(name, 1, Duration.ofSeconds(60));
        }
        return names;
    }

    private static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rulesOf(Map<String, Object> config) {
        return (List<Map<String, Object>>) config.get("rules");
    }

    /** The sample names the exporter's collector makes of the worker's beans with {@code rule} as its only rule. */
    private static Set<String> collectWithOnly(Map<String, Object> rule, Map<String, Object> config, String jmxUrl)
            throws Exception {
        Map<String, Object> single = new LinkedHashMap<>(config);
        single.put("jmxUrl", jmxUrl);
        single.put("rules", List.of(rule));
        JmxCollector collector = new JmxCollector(new Yaml().dump(single)).register(new PrometheusRegistry());
        Set<String> names = new TreeSet<>();
        for (MetricSnapshot snapshot : collector.collect()) {
            String name = snapshot.getMetadata().getPrometheusName();
            if (name.startsWith("tdconnect_") && !snapshot.getDataPoints().isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The samples the agent serves (a counter's name with its {@code _total}), the largest value of each. */
    private static Map<String, Double> served(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of " + url).isEqualTo(200);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                samples.merge(line.split("[{ ]", 2)[0], Double.parseDouble(value), Math::max);
            }
        }
        return samples;
    }

    /** Every tdconnect metric named in a PromQL expression of the dashboard. */
    private static Set<String> dashboardMetrics(Path dashboard) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : root.findValues("expr")) {
            Matcher matcher = METRIC.matcher(expr.asText());
            boolean any = false;
            while (matcher.find()) {
                names.add(matcher.group());
                any = true;
            }
            assertThat(any).as("a tdconnect metric in " + expr.asText()).isTrue();
        }
        return names;
    }

    private static Set<ObjectName> tdconnectBeans(String jmxUrl) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            return server.queryNames(new ObjectName("tdconnect:*"), null);
        }
    }
}
