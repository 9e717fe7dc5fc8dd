package com.taosdata.kafka.connect.sink;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import com.taosdata.kafka.connect.config.ConnectivityCheck;
import com.taosdata.kafka.connect.config.Precision;
import com.taosdata.kafka.connect.config.SchemalessProtocol;
import com.taosdata.kafka.connect.connection.SqlErrors;
import com.taosdata.kafka.connect.naming.DatabaseNameResolver;
import com.taosdata.kafka.connect.naming.Identifiers;

/**
 * Cross-field and connectivity checks of a sink configuration. Every problem becomes a message on the
 * {@link ConfigValue} of the key at fault; nothing is thrown.
 */
final class SinkConfigValidator {

    private SinkConfigValidator() {
    }

    static Config validate(Map<String, String> props, boolean reachTDengine) {
        Map<String, ConfigValue> values = TDengineSinkConfig.CONFIG_DEF.validateAll(props);
        if (ConnectivityCheck.hasErrors(values)) {
            return new Config(new ArrayList<>(values.values()));
        }
        TDengineSinkConfig config = new TDengineSinkConfig(props);
        List<String> databases = checkDatabaseNames(config, props.get("topics"), values);
        if (reachTDengine && !ConnectivityCheck.hasErrors(values)) {
            checkConnection(config, databases, values);
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /** The database of every topic in {@code topics} must be a valid TDengine name. */
    private static List<String> checkDatabaseNames(TDengineSinkConfig config, String topics, Map<String, ConfigValue> values) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(config.database(), config.databasePrefix());
        Set<String> databases = new LinkedHashSet<>();
        String keyAtFault = config.database() != null ? TDengineSinkConfig.CONNECTION_DATABASE_CONFIG
                : TDengineSinkConfig.CONNECTION_DATABASE_PREFIX_CONFIG;
        if (topics == null || topics.isBlank()) {
            // topics.regex: the topics are unknown, but a database or pattern that is invalid even with a one-letter
            // topic is invalid with every topic, and would only fail the tasks later.
            String problem = Identifiers.databaseNameProblem(resolver.rawName("t"));
            if (problem != null) {
                values.get(keyAtFault).addErrorMessage("no topic can make a valid database name: " + problem);
                return List.of();
            }
            return config.database() != null ? List.of(Identifiers.canonicalDatabase(config.database())) : List.of();
        }
        for (String topic : Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toArray(String[]::new)) {
            String raw = resolver.rawName(topic);
            String problem = Identifiers.databaseNameProblem(raw);
            if (problem != null) {
                values.get(keyAtFault).addErrorMessage("topic '" + topic + "' maps to an invalid database: " + problem
                        + (config.database() == null ? "; set connection.database or a connection.database.prefix such as kafka_${topic}" : ""));
            } else {
                databases.add(Identifiers.canonicalDatabase(raw));
            }
        }
        return new ArrayList<>(databases);
    }

    private static void checkConnection(TDengineSinkConfig config, List<String> databases, Map<String, ConfigValue> values) {
        ConnectivityCheck.run(config, values, connection -> {
            if (config.protocol() == SchemalessProtocol.LINE) {
                checkPrecision(connection, config.precision(), databases, values.get(TDengineSinkConfig.DATA_PRECISION_CONFIG));
            }
        });
    }

    /** An existing target database must have the precision line protocol timestamps are written in. */
    private static void checkPrecision(Connection connection, Precision precision, List<String> databases, ConfigValue value) {
        for (String database : databases) {
            String sql = "SELECT `precision` FROM information_schema.ins_databases WHERE name = " + Identifiers.literal(database);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                if (rows.next()) {
                    Precision existing = ConfigEnum.parse(Precision.class, "precision", rows.getString(1));
                    if (existing != precision) {
                        value.addErrorMessage("database " + database + " exists with precision '" + existing.configValue()
                                + "' but data.precision is '" + precision.configValue() + "'");
                    }
                }
            } catch (SQLException e) {
                throw SqlErrors.translate("reading the precision of database " + database, e);
            }
        }
    }
}
