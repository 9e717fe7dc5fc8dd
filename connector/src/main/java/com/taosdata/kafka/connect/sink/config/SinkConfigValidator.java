package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.config.ConnectivityCheck;
import com.taosdata.kafka.connect.connection.DatabaseCatalog;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.naming.DatabaseNameResolver;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Cross-field and connectivity checks of a sink configuration. Every problem becomes a message on the
 * {@link ConfigValue} of the key at fault; nothing is thrown.
 */
public final class SinkConfigValidator {

    private SinkConfigValidator() {}

    public static Config validate(Map<String, String> props, boolean reachTDengine) {
        Map<String, ConfigValue> values = TDengineSinkConfig.CONFIG_DEF.validateAll(props);
        if (ConnectivityCheck.hasErrors(values)) {
            return new Config(new ArrayList<>(values.values()));
        }
        ConnectionConfigs.checkRules(props, values);
        TDengineSinkConfig config = new TDengineSinkConfig(props);
        List<String> databases = checkDatabaseNames(config, props.get("topics"), values);
        checkTableNameTag(config, values.get(TDengineSinkConfig.TABLE_NAME_TAG_CONFIG));
        checkMissingTimestamp(config, values.get(TDengineSinkConfig.TIMESTAMP_MISSING_CONFIG));
        if (config.writeMethod() == WriteMethod.STMT) {
            TypedWritesValidator.check(config, props, TransformChain.valueEncoders(props), values);
        } else {
            TypedWritesValidator.checkUnused(props, values);
            checkTransforms(config, TransformChain.valueEncoders(props), values);
        }
        if (reachTDengine && !ConnectivityCheck.hasErrors(values)) {
            checkConnection(config, databases, props.get("topics"), values);
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /**
     * The database of every topic in {@code topics} must be a valid TDengine name once mapped, and no two topics may
     * map to one database unless {@code connection.database} names it.
     */
    private static List<String> checkDatabaseNames(
            TDengineSinkConfig config, String topics, Map<String, ConfigValue> values) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(config.database(), config.databasePrefix());
        ConfigValue keyAtFault = values.get(
                config.database() != null
                        ? TDengineSinkConfig.CONNECTION_DATABASE_CONFIG
                        : TDengineSinkConfig.CONNECTION_DATABASE_PREFIX_CONFIG);
        if (topics == null || topics.isBlank()) {
            // topics.regex: the topics are unknown, but a database or pattern that is invalid even with a one-letter
            // topic is invalid with every topic, and would only fail the records later.
            String problem = resolver.problem("t");
            if (problem != null) {
                keyAtFault.addErrorMessage("no topic can make a valid database name: " + problem);
                return List.of();
            }
            return config.database() != null ? List.of(Identifiers.canonicalDatabase(config.database())) : List.of();
        }
        Map<String, String> topicByDatabase = new LinkedHashMap<>();
        for (String topic : Arrays.stream(topics.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList()) {
            String problem = resolver.problem(topic);
            if (problem != null) {
                keyAtFault.addErrorMessage("topic '" + topic + "' maps to an invalid database: " + problem);
                continue;
            }
            String database = Identifiers.canonicalDatabase(resolver.mappedName(topic));
            String other = topicByDatabase.putIfAbsent(database, topic);
            if (other != null && config.database() == null) {
                keyAtFault.addErrorMessage(DatabaseNameResolver.collision(topic, other, database));
            }
        }
        return new ArrayList<>(topicByDatabase.keySet());
    }

    /** taos-jdbcdriver has no table-name tag parameter; taosAdapter's HTTP endpoints do. */
    private static void checkTableNameTag(TDengineSinkConfig config, ConfigValue value) {
        TDengineUrl url = ConnectionConfigs.url(config);
        if (config.tableNameTag() != null && url.transport() != Transport.REST) {
            value.addErrorMessage(TDengineSinkConfig.TABLE_NAME_TAG_CONFIG + " is not available over "
                    + transportName(url.transport()) + ": taos-jdbcdriver cannot pass a table name tag there; use "
                    + "connection.url=jdbc:TAOS-RS://" + url.host() + ":"
                    + (url.transport() == Transport.WEBSOCKET ? url.port() : Transport.REST.defaultPort())
                    + ", whose taosAdapter HTTP endpoints take it");
        }
    }

    /**
     * Only line protocol can omit a timestamp. An encoding SMT needs no check here: it always writes a timestamp,
     * so the key has no effect on its lines.
     */
    private static void checkMissingTimestamp(TDengineSinkConfig config, ConfigValue value) {
        SchemalessProtocol protocol = config.protocol();
        if (config.missingTimestamp() == MissingTimestamp.RECORD && protocol != SchemalessProtocol.LINE) {
            value.addErrorMessage(TDengineSinkConfig.TIMESTAMP_MISSING_CONFIG + "=record applies to line protocol only,"
                    + " but " + TDengineSinkConfig.DB_SCHEMALESS_CONFIG + " is '" + protocol.configValue() + "', whose"
                    + " data points always carry a timestamp; set " + TDengineSinkConfig.TIMESTAMP_MISSING_CONFIG
                    + "=server");
        }
    }

    private static String transportName(Transport transport) {
        return transport == Transport.NATIVE ? "native connections (jdbc:TAOS://)" : "WebSocket (jdbc:TAOS-WS://)";
    }

    /**
     * The chain's encoding SMTs must write the protocol {@code db.schemaless} reads, and the tag their
     * {@code table.name.field} writes must be the sink's {@code table.name.tag}.
     */
    private static void checkTransforms(
            TDengineSinkConfig config, List<TransformChain.Encoder> encoders, Map<String, ConfigValue> values) {
        SchemalessProtocol protocol = config.protocol();
        for (TransformChain.Encoder encoder : encoders) {
            if (encoder.protocol() != protocol) {
                values.get(TDengineSinkConfig.DB_SCHEMALESS_CONFIG)
                        .addErrorMessage("db.schemaless is '"
                                + protocol.configValue() + "' but transform '" + encoder.alias() + "' ("
                                + encoder.simpleName()
                                + ") writes " + encoder.protocol().configValue() + "; set db.schemaless="
                                + encoder.protocol().configValue());
            }
            String tag = encoder.tableNameTag();
            if (tag != null && !tag.equals(config.tableNameTag())) {
                values.get(TDengineSinkConfig.TABLE_NAME_TAG_CONFIG)
                        .addErrorMessage("transform '" + encoder.alias()
                                + "' writes the table name as tag '" + tag
                                + "' (its table.name.field) but table.name.tag is "
                                + (config.tableNameTag() == null ? "empty" : "'" + config.tableNameTag() + "'")
                                + "; set table.name.tag=" + tag);
            }
        }
    }

    private static void checkConnection(
            TDengineSinkConfig config, List<String> databases, String topics, Map<String, ConfigValue> values) {
        ConnectivityCheck.run(config, values, connection -> {
            if (config.protocol() == SchemalessProtocol.LINE || config.writeMethod() == WriteMethod.STMT) {
                checkPrecision(
                        connection,
                        config.precision(),
                        databases,
                        values.get(TDengineSinkConfig.DATA_PRECISION_CONFIG));
            }
            if (config.writeMethod() == WriteMethod.STMT) {
                TypedWritesValidator.checkSuperTables(connection, config, topics, values);
            }
        });
    }

    /** An existing target database must have the precision line protocol timestamps are written in. */
    private static void checkPrecision(
            Connection connection, TimestampUnit precision, List<String> databases, ConfigValue value) {
        for (String database : databases) {
            DatabaseCatalog.precision(connection, database)
                    .filter(existing -> existing != precision)
                    .ifPresent(existing -> value.addErrorMessage("database " + database + " exists with precision '"
                            + existing.configValue() + "' but data.precision is '" + precision.configValue() + "'"));
        }
    }
}
