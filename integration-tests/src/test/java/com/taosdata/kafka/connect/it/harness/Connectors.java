package com.taosdata.kafka.connect.it.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Creates connectors for one test and deletes them after it, so suites sharing a worker do not leave tasks running.
 * Register with {@code @RegisterExtension final Connectors connectors = new Connectors(() -> worker.rest());}.
 */
public final class Connectors implements AfterEachCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<ConnectRest> rest;
    private final List<String> created = new ArrayList<>();

    public Connectors(Supplier<ConnectRest> rest) {
        this.rest = rest;
    }

    /** Creates the connector and waits until it and its {@code tasks} tasks are RUNNING. */
    public void run(String name, Map<String, String> config, int tasks) {
        create(name, config);
        rest.get().awaitRunning(name, tasks, START_TIMEOUT);
    }

    /** Creates the connector without waiting for it. */
    public void create(String name, Map<String, String> config) {
        created.add(name);
        rest.get().putConnector(name, config);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        created.forEach(name -> rest.get().deleteConnector(name));
        created.clear();
    }
}
