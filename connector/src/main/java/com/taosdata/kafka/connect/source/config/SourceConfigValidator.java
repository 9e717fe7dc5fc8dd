package com.taosdata.kafka.connect.source.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.NativeClient;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.TDengineErrors;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.source.table.DatabaseContents;
import com.taosdata.kafka.connect.source.table.SchemaReader;
import com.taosdata.kafka.connect.source.table.TableCatalog;
import com.taosdata.kafka.connect.source.table.TableSelection;

/**
 * Validation of a source configuration: single keys, the rules between keys, and, when allowed to reach
 * TDengine, that the database exists and has the listed super tables and tables. Every problem is attached to the
 * {@link ConfigValue} of the key at fault; nothing is thrown.
 */
public final class SourceConfigValidator {

    private static final Set<Integer> CREDENTIAL_CODES = Set.of(TDengineErrors.AUTH_FAILURE, 0x0351, 0x0358, 0x0208, 0x0207);

    private SourceConfigValidator() {
    }

    public static Config validate(Map<String, String> props, boolean reachTDengine) {
        Map<String, ConfigValue> values = TDengineSourceConfig.CONFIG_DEF.validateAll(props);
        if (hasErrors(values)) {
            return new Config(new ArrayList<>(values.values()));
        }
        for (SourceConfigRules.Problem problem : SourceConfigRules.check(props)) {
            values.get(problem.key()).addErrorMessage(problem.message());
        }
        if (reachTDengine && !hasErrors(values)) {
            checkDatabase(new TDengineSourceConfig(props), values);
        }
        return new Config(new ArrayList<>(values.values()));
    }

    private static boolean hasErrors(Map<String, ConfigValue> values) {
        return values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    }

    private static void checkDatabase(TDengineSourceConfig config, Map<String, ConfigValue> values) {
        TDengineUrl url = ConnectionConfigs.url(config);
        ConfigValue urlValue = values.get(ConnectionConfigs.CONNECTION_URL_CONFIG);
        if (url.transport() == Transport.NATIVE && !NativeClient.isAvailable()) {
            urlValue.addErrorMessage(NativeClient.missingMessage(url));
            return;
        }
        ConnectionFactory once = new ConnectionFactory(url, config.getString(ConnectionConfigs.CONNECTION_USER_CONFIG),
                ConnectionConfigs.password(config), 1, 0, Sleeper.SYSTEM);
        String database = config.database();
        try (Connection connection = once.open(null)) {
            new SchemaReader(database).precision(connection);
            DatabaseContents contents = new TableCatalog(database).read(connection);
            TableSelection selection = new TableSelection(config.stables(), config.tables());
            selection.missingStables(contents.stables()).forEach(name -> values.get(TDengineSourceConfig.STABLES_CONFIG)
                    .addErrorMessage("database " + database + " has no super table " + name));
            selection.missingTables(contents.tables()).forEach(name -> values.get(TDengineSourceConfig.TABLES_CONFIG)
                    .addErrorMessage("database " + database + " has no table " + name));
        } catch (TDengineException e) {
            if (CREDENTIAL_CODES.contains(TDengineErrors.normalize(e.code()))) {
                values.get(ConnectionConfigs.CONNECTION_USER_CONFIG).addErrorMessage("TDengine rejected the credentials: "
                        + e.getMessage());
                values.get(ConnectionConfigs.CONNECTION_PASSWORD_CONFIG).addErrorMessage("TDengine rejected the credentials");
            } else if (TDengineErrors.normalize(e.code()) == TDengineErrors.DB_NOT_EXIST) {
                values.get(TDengineSourceConfig.CONNECTION_DATABASE_CONFIG).addErrorMessage("database " + database
                        + " does not exist");
            } else {
                urlValue.addErrorMessage("cannot use TDengine at " + url + ": " + e.getMessage());
            }
        } catch (SQLException | ConnectException e) {
            urlValue.addErrorMessage("cannot use TDengine at " + url + ": " + e.getMessage());
        }
    }
}
