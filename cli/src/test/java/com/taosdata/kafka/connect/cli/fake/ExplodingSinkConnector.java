package com.taosdata.kafka.connect.cli.fake;

import java.util.Map;
import org.apache.kafka.common.config.Config;

/** A connector whose offline validation throws: the CLI must report it, not crash. */
public class ExplodingSinkConnector extends FakeSinkConnector {

    @Override
    public Config validateOffline(Map<String, String> connectorConfigs) {
        throw new IllegalStateException("boom");
    }
}
