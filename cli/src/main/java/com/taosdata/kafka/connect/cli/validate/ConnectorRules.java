package com.taosdata.kafka.connect.cli.validate;

import com.taosdata.kafka.connect.config.OfflineValidation;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The connector's own checks. A connector implementing {@link OfflineValidation} runs all its checks that need
 * no network; any other connector on our class path gets its ConfigDef checked, never its {@code validate()},
 * which may reach out to its database.
 */
final class ConnectorRules {

    /** A connector class we could load and instantiate. */
    record Loaded(Class<? extends Connector> type, Connector connector) {

        boolean sink() {
            return SinkConnector.class.isAssignableFrom(type);
        }
    }

    private ConnectorRules() {}

    /** Loads {@code connector.class}, reporting an error (and returning empty) when that is impossible. */
    static Optional<Loaded> load(String connectorClass, Plugins plugins, Report report) {
        if (connectorClass == null || connectorClass.isBlank()) {
            report.error("connector.class", "missing: every connector needs the class (or alias) of its connector");
            return Optional.empty();
        }
        String resolved = plugins.resolveConnector(connectorClass.strip());
        if (plugins.existsButIsNot(resolved, Connector.class)) {
            report.error(
                    "connector.class",
                    resolved + " is not a connector (does not extend " + Connector.class.getName() + ")");
            return Optional.empty();
        }
        Optional<Class<? extends Connector>> type = plugins.load(resolved, Connector.class);
        if (type.isEmpty()) {
            report.error(
                    "connector.class",
                    "unknown connector class " + connectorClass.strip() + "; offline validation knows "
                            + String.join(", ", plugins.connectors()));
            return Optional.empty();
        }
        try {
            return Optional.of(new Loaded(type.get(), Plugins.instantiate(type.get())));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            report.error("connector.class", "cannot instantiate " + resolved + ": " + SubConfig.describe(e));
            return Optional.empty();
        }
    }

    static void check(Loaded loaded, Map<String, String> config, Report report) {
        try {
            if (loaded.connector() instanceof OfflineValidation offline) {
                addErrors(offline.validateOffline(config), report);
            } else {
                ConfigDef def = loaded.connector().config();
                if (def != null) {
                    def.validate(config).forEach(value -> addErrors(value, report));
                }
            }
        } catch (RuntimeException e) {
            report.error(
                    "connector.class",
                    loaded.type().getName() + " failed to validate the config: " + SubConfig.describe(e));
        }
    }

    /** The connector's ConfigDef, or null when it has none or fails to give it (its check reports that). */
    static ConfigDef configDef(Loaded loaded) {
        try {
            return loaded.connector().config();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void addErrors(Config config, Report report) {
        if (config != null) {
            config.configValues().forEach(value -> addErrors(value, report));
        }
    }

    private static void addErrors(ConfigValue value, Report report) {
        SubConfig.messages(value).forEach(message -> report.error(value.name(), message));
    }
}
