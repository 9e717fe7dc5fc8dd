package com.taosdata.kafka.connect.config;

import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.Transport;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The rules between {@code connection.token} and the other connection keys, shared by both connectors. Messages go on
 * {@code connection.token} and never repeat its value.
 */
final class CredentialRules {

    private CredentialRules() {}

    /** Runs once every key is valid on its own, so {@code connection.url} parses. */
    static void check(Map<String, String> props, Map<String, ConfigValue> values) {
        String token = props.get(ConnectionConfigs.CONNECTION_TOKEN_CONFIG);
        if (token == null) {
            return;
        }
        ConfigValue value = values.get(ConnectionConfigs.CONNECTION_TOKEN_CONFIG);
        if (token.isBlank()) {
            value.addErrorMessage(ConnectionConfigs.CONNECTION_TOKEN_CONFIG + " is empty; remove it to log in with "
                    + ConnectionConfigs.CONNECTION_USER_CONFIG + " and "
                    + ConnectionConfigs.CONNECTION_PASSWORD_CONFIG);
            return;
        }
        TDengineUrl url = TDengineUrl.parse(
                ConnectionConfigs.CONNECTION_URL_CONFIG, props.get(ConnectionConfigs.CONNECTION_URL_CONFIG));
        if (url.transport() == Transport.NATIVE) {
            value.addErrorMessage(ConnectionConfigs.CONNECTION_TOKEN_CONFIG + " needs a WebSocket (jdbc:TAOS-WS://) or "
                    + "REST (jdbc:TAOS-RS://) connection.url: the native client has no token login");
        } else if (!url.useSsl()) {
            value.addErrorMessage(ConnectionConfigs.CONNECTION_TOKEN_CONFIG + " needs ?useSSL=true in "
                    + ConnectionConfigs.CONNECTION_URL_CONFIG + ": the token travels in each request, readable by "
                    + "anyone on the way without TLS");
        }
        for (String key :
                new String[] {ConnectionConfigs.CONNECTION_USER_CONFIG, ConnectionConfigs.CONNECTION_PASSWORD_CONFIG}) {
            if (props.containsKey(key)) {
                value.addErrorMessage(ConnectionConfigs.CONNECTION_TOKEN_CONFIG + " replaces " + key
                        + ": set one way to log in, the token or the user and password");
            }
        }
    }
}
