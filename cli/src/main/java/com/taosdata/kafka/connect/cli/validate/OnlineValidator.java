package com.taosdata.kafka.connect.cli.validate;

import com.taosdata.kafka.connect.cli.client.ConfigInfos;
import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.RejectedException;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code validate} against a cluster: {@code PUT /connector-plugins/{class}/config/validate}. */
public final class OnlineValidator {

    /** The report, and the keys the cluster's plugin declares as PASSWORD (for masking). */
    public record Result(Report report, Set<String> passwordKeys) {}

    private final ConnectClient client;

    public OnlineValidator(ConnectClient client) {
        this.client = client;
    }

    public Result validate(ConnectorFile file) {
        Report report = Report.of(file);
        Set<String> passwordKeys = new TreeSet<>();
        String connectorClass = file.connectorClass();
        if (file.name() == null || file.name().isBlank()) {
            report.error("name", "missing: every connector needs a name");
        }
        if (connectorClass == null || connectorClass.isBlank()) {
            report.error("connector.class", "missing: every connector needs the class (or alias) of its connector");
            return new Result(report, passwordKeys);
        }
        Map<String, String> config = new HashMap<>(file.config());
        try {
            ConfigInfos infos = client.validate(connectorClass.strip(), config);
            for (ConfigInfos.ConfigInfo info : infos.configs()) {
                if (info.definition() != null
                        && "PASSWORD".equals(info.definition().type())) {
                    passwordKeys.add(info.definition().name());
                }
                if (info.value() != null) {
                    info.value()
                            .errors()
                            .forEach(message -> report.error(info.value().name(), message));
                }
            }
        } catch (RejectedException e) {
            report.error("connector.class", "the cluster rejected it: " + e.getMessage());
        }
        return new Result(report, passwordKeys);
    }
}
