package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.naming.DatabaseNameResolver;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.sink.row.NameTemplate;
import com.taosdata.kafka.connect.sink.row.TableNames;
import com.taosdata.kafka.connect.sink.table.StableDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The checks of {@code write.method=stmt}: its keys and their combinations with the rest of the configuration, and,
 * online, that the super tables it writes exist unless it may create them. Every problem is a message on the key at
 * fault.
 */
final class TypedWritesValidator {

    /** Keys that only typed writes read: set with {@code write.method=schemaless}, they would silently do nothing. */
    private static final List<String> TYPED_ONLY = List.of(
            TDengineSinkConfig.TABLE_NAME_FORMAT_CONFIG,
            TDengineSinkConfig.CHILD_TABLE_NAME_FORMAT_CONFIG,
            TDengineSinkConfig.TAGS_CONFIG,
            TDengineSinkConfig.TIMESTAMP_FIELD_CONFIG,
            TDengineSinkConfig.AUTO_CREATE_CONFIG,
            TDengineSinkConfig.AUTO_EVOLVE_CONFIG,
            TDengineSinkConfig.STRING_TYPE_CONFIG,
            TDengineSinkConfig.STRING_LENGTH_CONFIG);

    private TypedWritesValidator() {}

    static void checkUnused(Map<String, String> props, Map<String, ConfigValue> values) {
        for (String key : TYPED_ONLY) {
            if (props.containsKey(key)) {
                values.get(key)
                        .addErrorMessage(key + " applies to write.method=stmt only; with write.method="
                                + WriteMethod.SCHEMALESS.configValue()
                                + " records are written as the text they carry: remove "
                                + key + ", or set write.method=stmt");
            }
        }
    }

    static void check(
            TDengineSinkConfig config,
            Map<String, String> props,
            List<TransformChain.Encoder> encoders,
            Map<String, ConfigValue> values) {
        for (TransformChain.Encoder encoder : encoders) {
            values.get(TDengineSinkConfig.WRITE_METHOD_CONFIG)
                    .addErrorMessage("transform '" + encoder.alias() + "' ("
                            + encoder.simpleName() + ") turns records into "
                            + encoder.protocol().configValue() + " text, but"
                            + " write.method=stmt writes Structs and Maps with their types: remove the transform, or set"
                            + " write.method=schemaless");
        }
        if (config.tableNameTag() != null) {
            values.get(TDengineSinkConfig.TABLE_NAME_TAG_CONFIG)
                    .addErrorMessage("table.name.tag names child tables of"
                            + " schemaless writes; with write.method=stmt set child.table.name.format (e.g. d${"
                            + config.tableNameTag() + "}) instead");
        }
        if (props.containsKey(TDengineSinkConfig.TIMESTAMP_MISSING_CONFIG)) {
            values.get(TDengineSinkConfig.TIMESTAMP_MISSING_CONFIG)
                    .addErrorMessage("timestamp.missing applies to"
                            + " line-protocol text; with write.method=stmt a row's time is timestamp.field, or the record's"
                            + " Kafka timestamp when it is empty: remove timestamp.missing");
        }
        TypedWriteOptions options = config.typedWriteOptions();
        checkChildTableNameFormat(
                options.childTableNameFormat(), values.get(TDengineSinkConfig.CHILD_TABLE_NAME_FORMAT_CONFIG));
        if (options.autoCreate() && options.tags().isEmpty()) {
            values.get(TDengineSinkConfig.TAGS_CONFIG)
                    .addErrorMessage("auto.create=true needs tags: a super table"
                            + " has at least one tag; name the fields that identify a device (tags=location,groupid)");
        }
        try {
            options.encodingConfig(config.precision());
        } catch (ConfigException e) {
            String key = e.getMessage().contains(TDengineSinkConfig.TIMESTAMP_FIELD_CONFIG)
                    ? TDengineSinkConfig.TIMESTAMP_FIELD_CONFIG
                    : TDengineSinkConfig.TAGS_CONFIG;
            values.get(key).addErrorMessage(e.getMessage());
        }
    }

    private static void checkChildTableNameFormat(String format, ConfigValue value) {
        if (format == null) {
            return;
        }
        try {
            if (!NameTemplate.parse(format).hasPlaceholders()) {
                value.addErrorMessage("'" + format + "' has no placeholder, so every record would land in one child"
                        + " table; name a field, as in d${groupid}");
            }
        } catch (IllegalArgumentException e) {
            value.addErrorMessage(e.getMessage());
        }
    }

    /**
     * Without {@code auto.create}, each topic's super table must exist: otherwise the task fails at its first record.
     * Only for listed topics ({@code topics.regex} names none) and valid formats.
     */
    static void checkSuperTables(
            Connection connection, TDengineSinkConfig config, String topics, Map<String, ConfigValue> values)
            throws SQLException {
        TypedWriteOptions options = config.typedWriteOptions();
        ConfigValue value = values.get(TDengineSinkConfig.TABLE_NAME_FORMAT_CONFIG);
        if (options.autoCreate()
                || topics == null
                || topics.isBlank()
                || !value.errorMessages().isEmpty()) {
            return;
        }
        DatabaseNameResolver databases = new DatabaseNameResolver(config.database(), config.databasePrefix());
        TableNames names = new TableNames(NameTemplate.parse(options.tableNameFormat()), null);
        for (String topic : Arrays.stream(topics.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList()) {
            String database = Identifiers.canonicalDatabase(databases.mappedName(topic));
            String stable = names.superTable(topic);
            if (!exists(connection, database, stable)) {
                value.addErrorMessage("topic '" + topic + "' writes into super table " + database + "." + stable
                        + ", which does not exist: create it, or set auto.create=true");
            }
        }
    }

    private static boolean exists(Connection connection, String database, String stable) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet ignored = statement.executeQuery("DESCRIBE " + StableDdl.qualified(database, stable))) {
            return true;
        } catch (SQLException e) {
            int code = SqlExceptionTranslator.translate("describing " + database + "." + stable, e)
                    .code();
            if (ErrorCodes.isTableGone(code) || ErrorCodes.normalize(code) == ErrorCodes.DB_NOT_EXIST) {
                return false;
            }
            throw e;
        }
    }
}
