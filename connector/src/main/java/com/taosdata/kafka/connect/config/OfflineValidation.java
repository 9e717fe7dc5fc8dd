package com.taosdata.kafka.connect.config;

import java.util.Map;
import org.apache.kafka.common.config.Config;

/**
 * Validation that needs no network: the checks of {@code Connector#validate} minus the ones that reach TDengine.
 * The CLI's {@code validate --offline} calls it so CI pipelines can reject a config before it reaches a cluster.
 */
public interface OfflineValidation {

    Config validateOffline(Map<String, String> connectorConfigs);
}
