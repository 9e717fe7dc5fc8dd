package com.taosdata.kafka.connect.config;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The part of {@code Connector#validate} that reaches TDengine, shared by both connectors: one connection attempt
 * with the configured credentials, then a connector-specific probe. Every failure becomes a message on the
 * {@link ConfigValue} of the key at fault; nothing is thrown, since validate() must always answer.
 */
public final class ConnectivityCheck {

    /** What a connector checks once connected; it adds its own messages to {@code values}. */
    @FunctionalInterface
    public interface Probe {
        void run(Connection connection) throws SQLException;
    }

    private ConnectivityCheck() {}

    public static boolean hasErrors(Map<String, ConfigValue> values) {
        return values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    }

    public static void run(AbstractConfig config, Map<String, ConfigValue> values, Probe probe) {
        TDengineUrl url = ConnectionConfigs.url(config);
        ConfigValue urlValue = values.get(ConnectionConfigs.CONNECTION_URL_CONFIG);
        ConnectionFactory connections = ConnectionConfigs.connectionFactory(config);
        try {
            connections.requireClient();
        } catch (TDengineException e) {
            urlValue.addErrorMessage(e.getMessage());
            return;
        }
        try (Connection connection = connections.open(null)) {
            probe.run(connection);
        } catch (TDengineException e) {
            int code = ErrorCodes.normalize(e.code());
            if (ErrorCodes.isCredentialError(code) && connections.credentials().isToken()) {
                values.get(ConnectionConfigs.CONNECTION_TOKEN_CONFIG)
                        .addErrorMessage("TDengine rejected the token: " + e.getMessage());
            } else if (ErrorCodes.isCredentialError(code)) {
                values.get(ConnectionConfigs.CONNECTION_USER_CONFIG)
                        .addErrorMessage("TDengine rejected the credentials: " + e.getMessage());
                values.get(ConnectionConfigs.CONNECTION_PASSWORD_CONFIG)
                        .addErrorMessage("TDengine rejected the credentials");
            } else if (code == ErrorCodes.DB_NOT_EXIST
                    && values.containsKey(ConnectionConfigs.CONNECTION_DATABASE_CONFIG)) {
                values.get(ConnectionConfigs.CONNECTION_DATABASE_CONFIG)
                        .addErrorMessage("database " + config.getString(ConnectionConfigs.CONNECTION_DATABASE_CONFIG)
                                + " does not exist");
            } else {
                urlValue.addErrorMessage("cannot reach TDengine at " + url + ": " + e.getMessage());
            }
        } catch (SQLException | RuntimeException e) {
            // Anything else the server or driver answers (an unexpected precision, a driver bug) is still a
            // validation message.
            urlValue.addErrorMessage("cannot use TDengine at " + url + ": " + e.getMessage());
        }
    }
}
