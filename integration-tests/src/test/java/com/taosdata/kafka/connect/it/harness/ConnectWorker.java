package com.taosdata.kafka.connect.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Kafka Connect worker in distributed mode, in a child JVM started from a resolved Kafka classpath, with our
 * packaged plugin on {@code plugin.path} only. A child JVM keeps the worker's {@code Exit} calls out of the tests and
 * lets a native TDengine client library be loaded by the worker and by the tests alike.
 */
public final class ConnectWorker implements AutoCloseable {

    /** Kafka versions the integration tests run workers of. */
    public enum Version {
        KAFKA_4("it.worker.classpath.kafka4", true),
        KAFKA_3_7("it.worker.classpath.kafka37", false);

        private final String classpathProperty;
        private final boolean log4j2;

        Version(String classpathProperty, boolean log4j2) {
            this.classpathProperty = classpathProperty;
            this.log4j2 = log4j2;
        }
    }

    private final String name;
    private final List<String> command;
    private final int port;
    private final Path log;
    private volatile Process process;

    private ConnectWorker(String name, List<String> command, int port, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
    }

    /**
     * @param group the Connect cluster (group.id); workers sharing it form one cluster
     * @param name  a name for this worker's files and logs
     */
    public static ConnectWorker start(
            Version version, String bootstrapServers, String group, String name, Map<String, String> overrides)
            throws IOException {
        return start(version, bootstrapServers, group, name, overrides, List.of());
    }

    /**
     * @param jvmOptions options for the worker's JVM, as {@code KAFKA_OPTS} adds them (a {@code -javaagent:}, JMX, a
     *                   truststore's system properties)
     */
    public static ConnectWorker start(
            Version version,
            String bootstrapServers,
            String group,
            String name,
            Map<String, String> overrides,
            List<String> jvmOptions)
            throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")));
        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", group);
        props.put("config.storage.topic", group + "-configs");
        props.put("offset.storage.topic", group + "-offsets");
        props.put("status.storage.topic", group + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "5");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.flush.interval.ms", "1000");
        props.put("listeners", "http://127.0.0.1:" + port);
        props.put("rest.advertised.host.name", "127.0.0.1");
        props.put("rest.advertised.port", Integer.toString(port));
        props.put("plugin.path", requiredProperty("it.plugin.path"));
        // Our plugin ships ServiceLoader manifests, so the worker need not scan every class it can see.
        props.put("plugin.discovery", "service_load");
        // A stopped worker's tasks move after this delay (default 5 minutes).
        props.put("scheduled.rebalance.max.delay.ms", "4000");
        props.put("session.timeout.ms", "10000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        props.putAll(overrides);
        Path config = work.resolve(name + ".properties");
        Properties properties = new Properties();
        properties.putAll(props);
        try (Writer out = Files.newBufferedWriter(config)) {
            properties.store(out, "Connect worker " + name);
        }
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        String extraOptions = System.getenv("TDCONNECT_WORKER_JAVA_OPTS");
        List<String> extra = extraOptions == null || extraOptions.isBlank()
                ? List.of()
                : List.of(extraOptions.trim().split("\\s+"));
        if (extra.stream().noneMatch(option -> option.startsWith("-XX:+Use") && option.endsWith("GC"))) {
            // Small and frugal for the suites, which run several workers at once on a small machine.
            command.add("-XX:+UseSerialGC");
        }
        // After the defaults, so a profiling, heap or collector option given here wins (benchmarks, JFR recordings).
        command.addAll(extra);
        command.addAll(jvmOptions);
        if (!TDengineTarget.nativeFromEnvironment()) {
            // Whatever this machine has installed, a worker has the TDengine client library only when the suites
            // run against a native URL: what a worker without it does is then tested the same everywhere.
            command.add("-Djava.library.path=" + work.resolve("no-native-libraries"));
        }
        command.add("-cp");
        command.add(Files.readString(Path.of(requiredProperty(version.classpathProperty)))
                .trim());
        command.add(loggingProperty(version, work));
        command.add("org.apache.kafka.connect.cli.ConnectDistributed");
        command.add(config.toString());
        ConnectWorker worker = new ConnectWorker(name, command, port, log);
        worker.launch();
        return worker;
    }

    /** Starts the worker's JVM (again) with the same config, REST port and log, and waits until its REST API answers. */
    private void launch() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitRest(Duration.ofSeconds(180));
    }

    private static String loggingProperty(Version version, Path work) throws IOException {
        if (version.log4j2) {
            Path file = work.resolve("worker-log4j2.properties");
            Files.writeString(
                    file,
                    String.join(
                            "\n",
                            "rootLogger.level = INFO",
                            "rootLogger.appenderRef.out.ref = OUT",
                            "appender.out.type = Console",
                            "appender.out.name = OUT",
                            "appender.out.layout.type = PatternLayout",
                            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                            "logger.kafka.name = org.apache.kafka",
                            "logger.kafka.level = WARN",
                            "logger.connect.name = org.apache.kafka.connect.runtime",
                            "logger.connect.level = INFO",
                            "logger.ours.name = com.taosdata",
                            "logger.ours.level = DEBUG",
                            ""));
            return "-Dlog4j2.configurationFile=" + file;
        }
        Path file = work.resolve("worker-log4j.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "log4j.rootLogger=INFO, out",
                        "log4j.appender.out=org.apache.log4j.ConsoleAppender",
                        "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
                        "log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n",
                        "log4j.logger.org.apache.kafka=WARN",
                        "log4j.logger.org.apache.kafka.connect.runtime=INFO",
                        "log4j.logger.com.taosdata=DEBUG",
                        ""));
        return "-Dlog4j.configuration=" + file.toUri();
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + key + " is not set: run the integration tests through Maven "
                            + "(mvn verify), which builds the plugin and the worker classpaths first");
        }
        return value;
    }

    /** JVM options that open a worker's JMX, without authentication or TLS, on {@code port} of the loopback address. */
    public static List<String> remoteJmxOptions(int port) {
        return List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitRest(Duration timeout) {
        ConnectRest rest = rest();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Connect worker " + name + " exited with "
                                    + process.exitValue() + "; log:\n" + logTail());
                        }
                        return rest.isUp();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "Connect worker " + name + " did not answer on " + restUrl() + " in " + timeout + "; log:\n"
                            + logTail(),
                    e);
        }
    }

    public String restUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ConnectRest rest() {
        return new ConnectRest(restUrl());
    }

    public String name() {
        return name;
    }

    /** The id the Connect REST API gives this worker in statuses ({@code worker_id}): its advertised host and port. */
    public String workerId() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the worker's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time the worker's JVM has used so far (all its threads, JNI included), for per-record costs in benchmarks. */
    public Duration cpuTime() {
        return process.info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not report CPU time of " + name));
    }

    public File logFile() {
        return log.toFile();
    }

    /** Kills the worker abruptly (SIGKILL): no graceful shutdown, no final offset commit. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /**
     * Stops the worker as an operator's {@code kill} or a service manager does (SIGTERM): Connect's shutdown hook stops
     * its tasks, commits their offsets and leaves the group. Fails if the worker is still running after {@code timeout}.
     */
    public void stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "Connect worker " + name + " still runs " + timeout + " after SIGTERM; log:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the stopped or killed worker again: same config, REST port (so the same worker id) and log file. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("Connect worker " + name + " is still running: stop or kill it first");
        }
        launch();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
