package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.config.ConnectivityCheck;
import com.taosdata.kafka.connect.connection.DatabaseCatalog;
import com.taosdata.kafka.connect.source.table.DatabaseContents;
import com.taosdata.kafka.connect.source.table.TableCatalog;
import com.taosdata.kafka.connect.source.table.TableSelection;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Validation of a source configuration: single keys, the rules between keys, and, when allowed to reach
 * TDengine, that the database exists and has the listed super tables and tables. Every problem is attached to the
 * {@link ConfigValue} of the key at fault; nothing is thrown.
 */
public final class SourceConfigValidator {

    private SourceConfigValidator() {}

    public static Config validate(Map<String, String> props, boolean reachTDengine) {
        Map<String, ConfigValue> values = TDengineSourceConfig.CONFIG_DEF.validateAll(props);
        if (ConnectivityCheck.hasErrors(values)) {
            return new Config(new ArrayList<>(values.values()));
        }
        ConnectionConfigs.checkRules(props, values);
        for (SourceConfigRules.Problem problem : SourceConfigRules.check(props)) {
            values.get(problem.key()).addErrorMessage(problem.message());
        }
        if (reachTDengine && !ConnectivityCheck.hasErrors(values)) {
            checkDatabase(new TDengineSourceConfig(props), values);
        }
        return new Config(new ArrayList<>(values.values()));
    }

    private static void checkDatabase(TDengineSourceConfig config, Map<String, ConfigValue> values) {
        String database = config.database();
        ConnectivityCheck.run(config, values, connection -> {
            DatabaseCatalog.existingPrecision(connection, database);
            DatabaseContents contents = new TableCatalog(database).read(connection);
            TableSelection selection = new TableSelection(config.stables(), config.tables());
            selection
                    .missingStables(contents.stables())
                    .forEach(name -> values.get(TDengineSourceConfig.STABLES_CONFIG)
                            .addErrorMessage("database " + database + " has no super table " + name));
            selection
                    .missingTables(contents.tables())
                    .forEach(name -> values.get(TDengineSourceConfig.TABLES_CONFIG)
                            .addErrorMessage("database " + database + " has no table " + name));
        });
    }
}
