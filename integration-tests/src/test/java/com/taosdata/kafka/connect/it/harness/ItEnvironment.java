package com.taosdata.kafka.connect.it.harness;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the integration suites share in one test JVM: the broker, TDengine (real or stand-in) and one Kafka 4 Connect
 * worker. Started on first use and stopped when the test plan finishes ({@link EnvironmentShutdown}), or at JVM exit
 * at the latest, so suites pay for them once.
 */
public final class ItEnvironment {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** In every {@link #unique} name of this run, so the run's leftovers on a real TDengine can be found. */
    private static final String RUN_MARKER = "_" + ProcessHandle.current().pid() + "_";

    private static ItEnvironment instance;

    private final KafkaBroker broker;
    private final TDengineTarget tdengine;
    private final ConnectWorker worker;

    private ItEnvironment(KafkaBroker broker, TDengineTarget tdengine, ConnectWorker worker) {
        this.broker = broker;
        this.tdengine = tdengine;
        this.worker = worker;
    }

    public static synchronized ItEnvironment get() {
        if (instance == null) {
            try {
                KafkaBroker broker = KafkaBroker.start();
                TDengineTarget tdengine = TDengineTarget.fromEnvironment();
                ConnectWorker worker = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        broker.bootstrapServers(),
                        "connect-shared",
                        "worker-shared",
                        Map.of());
                instance = new ItEnvironment(broker, tdengine, worker);
                Runtime.getRuntime().addShutdownHook(new Thread(ItEnvironment::stopIfStarted, "it-environment-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("starting the integration test environment failed", e);
            }
        }
        return instance;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public TDengineTarget tdengine() {
        return tdengine;
    }

    public ConnectWorker worker() {
        return worker;
    }

    /** A name no other test in this run uses, safe as a topic, connector and TDengine database name. */
    public static String unique(String prefix) {
        return prefix + RUN_MARKER + SEQUENCE.incrementAndGet();
    }

    /** Stops the shared environment if it was started; a later {@link #get()} starts a new one. */
    public static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    private void stop() {
        worker.close();
        // A real server keeps what the suites created; a few runs' databases exhaust its vnodes and memory
        // (0x800003ba, 0x800003b1). The worker is gone, so no connector still uses them.
        if (!tdengine.isStandIn()) {
            try {
                tdengine.dropTopicsAndDatabasesNamedWith(RUN_MARKER);
            } catch (RuntimeException e) {
                // The suites' verdicts are in; what is left is for the next run's operator to see, not to fail on.
                System.err.println("[tdconnect-it] dropping this run's databases from TDengine failed: " + e);
            }
        }
        tdengine.close();
        try {
            broker.close();
        } catch (Exception e) {
            System.err.println("[tdconnect-it] stopping the broker failed: " + e);
        }
    }
}
