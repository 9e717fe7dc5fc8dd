package com.taosdata.kafka.connect.cli.validate;

import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;

/**
 * {@code validate --offline}: everything the worker and our plugins would reject, without any network.
 * Keys holding config provider placeholders are noted and not judged, since only the worker can resolve them.
 */
public final class OfflineValidator {

    private final Plugins plugins;

    public OfflineValidator(Plugins plugins) {
        this.plugins = plugins;
    }

    public Report validate(ConnectorFile file) {
        Report report = Report.of(file);
        Map<String, String> config = new HashMap<>(file.config());
        config.values().removeIf(value -> value == null);
        Set<String> placeholders = Placeholders.keysWithPlaceholders(config, report);
        Optional<ConnectorRules.Loaded> loaded = ConnectorRules.load(config.get("connector.class"), plugins, report);
        WorkerRules.Kind kind = loaded.map(l -> l.sink() ? WorkerRules.Kind.SINK : WorkerRules.Kind.SOURCE)
                .orElse(WorkerRules.Kind.UNKNOWN);
        WorkerRules.check(config, kind, report);
        loaded.ifPresent(l -> ConnectorRules.check(l, config, report));
        loaded.ifPresent(l -> UnknownKeys.check(config, WorkerRules.keys(kind), l, report));
        TransformRules.check(config, plugins, report);
        ConverterRules.check(config, plugins, report);
        report.forgiveErrorsOn(placeholders);
        return report;
    }

    /** Keys the bundled connector declares as PASSWORD, so output can mask them even when their name does not tell. */
    public Set<String> passwordKeys(String connectorClass) {
        Set<String> keys = new TreeSet<>();
        if (connectorClass == null) {
            return keys;
        }
        Report ignored = new Report("", "");
        ConnectorRules.load(connectorClass, plugins, ignored).ifPresent(loaded -> {
            ConfigDef def = ConnectorRules.configDef(loaded);
            if (def != null) {
                def.configKeys().forEach((name, key) -> {
                    if (key.type == ConfigDef.Type.PASSWORD) {
                        keys.add(name);
                    }
                });
            }
        });
        return keys;
    }
}
