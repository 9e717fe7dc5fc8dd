package com.taosdata.kafka.connect.cli.validate;

import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.fake.ExplodingSinkConnector;
import com.taosdata.kafka.connect.cli.fake.FakeSinkConnector;
import com.taosdata.kafka.connect.cli.fake.FakeSourceConnector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Valid fake configs with one thing changed, validated offline against the fake connectors. */
final class FakeConfigs {

    static final Plugins PLUGINS = new Plugins(
            List.of(
                    FakeSinkConnector.class.getName(),
                    FakeSourceConnector.class.getName(),
                    ExplodingSinkConnector.class.getName()),
            FakeConfigs.class.getClassLoader());

    private FakeConfigs() {}

    /** A valid sink config with {@code overrides} applied; a null value removes the key. */
    static Report sink(String... overrides) {
        Map<String, String> config = new TreeMap<>(
                Map.of("name", "s", "connector.class", "FakeSinkConnector", "topics", "t", "fake.url", "fake://x"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                config.remove(overrides[i]);
            } else {
                config.put(overrides[i], overrides[i + 1]);
            }
        }
        return new OfflineValidator(PLUGINS).validate(new ConnectorFile("f.properties", config.get("name"), config));
    }

    /** A valid source config with {@code overrides} applied. */
    static Report source(String... overrides) {
        String[] all = new String[overrides.length + 8];
        System.arraycopy(
                new String[] {
                    "connector.class",
                    FakeSourceConnector.class.getName(),
                    "topics",
                    null,
                    "fake.url",
                    null,
                    "query",
                    "select 1"
                },
                0,
                all,
                0,
                8);
        System.arraycopy(overrides, 0, all, 8, overrides.length);
        return sink(all);
    }

    static Finding error(String key, String message) {
        return new Finding(key, message);
    }
}
