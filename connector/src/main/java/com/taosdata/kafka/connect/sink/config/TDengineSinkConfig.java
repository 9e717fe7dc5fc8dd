package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.naming.TopicTemplate;
import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Configuration of the sink connector: every key of TDengine's Kafka tutorial, same names and meaning. */
public final class TDengineSinkConfig extends AbstractConfig {

    private static final String DATABASE_GROUP = "Database";
    private static final String WRITES_GROUP = "Writes";
    private static final String TABLES_GROUP = "Tables";
    private static final String TYPED_GROUP = "Typed writes";

    public static final String CONNECTION_DATABASE_CONFIG = ConnectionConfigs.CONNECTION_DATABASE_CONFIG;
    private static final String CONNECTION_DATABASE_DOC = "Target database for every topic. Created if missing, with "
            + "data.precision. When empty, the database is named by connection.database.prefix, or after the topic.";
    private static final String CONNECTION_DATABASE_DISPLAY = "Database";

    public static final String CONNECTION_DATABASE_PREFIX_CONFIG = "connection.database.prefix";
    private static final String CONNECTION_DATABASE_PREFIX_DOC = "When connection.database is empty, the target "
            + "database's name: it may contain ${topic} as a placeholder for the record's topic (kafka_${topic} maps topic "
            + "orders to database kafka_orders), and any other ${...} is an error; without the placeholder the topic is appended. When empty too, the "
            + "database has the topic's name. Characters TDengine does not allow in names (all but letters, digits and "
            + "underscores, such as the dots and hyphens of iot.meters or site-1.power) become underscores, and the "
            + "name is lower-cased: topic iot.meters writes into database iot_meters. Two topics that map to one "
            + "database are an error.";
    private static final String CONNECTION_DATABASE_PREFIX_DISPLAY = "Database name pattern";

    public static final String DATA_PRECISION_CONFIG = "data.precision";
    private static final String DATA_PRECISION_DOC = "Timestamp precision of the line protocol data, and of databases "
            + "the sink creates. An existing database with another precision is a configuration error.";
    /** The precisions a database can have, which data.precision allows. */
    private static final ConfigEnum.Values<TimestampUnit> PRECISIONS = ConfigEnum.of(TimestampUnit.precisions());

    public static final String DATA_PRECISION_DEFAULT = TimestampUnit.NS.configValue();
    private static final String DATA_PRECISION_DISPLAY = "Timestamp precision";

    public static final String DB_SCHEMALESS_CONFIG = "db.schemaless";
    private static final String DB_SCHEMALESS_DOC = "Format of the record values: line (InfluxDB line protocol), "
            + "telnet (OpenTSDB telnet) or json (OpenTSDB JSON). Values must be strings or UTF-8 bytes; add an SMT such "
            + "as ToLineProtocol for structured records.";
    public static final String DB_SCHEMALESS_DEFAULT = SchemalessProtocol.LINE.configValue();
    private static final String DB_SCHEMALESS_DISPLAY = "Schemaless protocol";

    public static final String TIMESTAMP_MISSING_CONFIG = "timestamp.missing";
    private static final String TIMESTAMP_MISSING_DOC = "Time at which a line-protocol line without a timestamp is "
            + "written. server: TDengine's clock when the line arrives, as TDengine does by itself; a record delivered "
            + "again (after a crash or a rebalance, or a topic replayed from its start) then becomes a second row at "
            + "a new time. record: the record's Kafka timestamp in data.precision, so a record delivered again "
            + "overwrites its row; a record without a Kafka timestamp whose line needs one is a bad record (see "
            + "errors.tolerance). Only line protocol can omit timestamps: record with db.schemaless=telnet or json is "
            + "an error. Lines the ToLineProtocol SMT writes always carry a timestamp, so neither value changes them.";
    public static final String TIMESTAMP_MISSING_DEFAULT = MissingTimestamp.SERVER.configValue();
    private static final String TIMESTAMP_MISSING_DISPLAY = "Timestamp of lines without one";

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Lines written to TDengine in one schemaless call. Records are "
            + "accumulated across put() calls until this many lines are buffered, batch.linger.ms has passed, or the "
            + "task's partitions have given no records for 100 ms.";
    public static final int BATCH_SIZE_DEFAULT = 10_000;
    private static final String BATCH_SIZE_DISPLAY = "Batch size (lines)";

    public static final String BATCH_LINGER_MS_CONFIG = "batch.linger.ms";
    private static final String BATCH_LINGER_MS_DOC = "Longest time a record waits in the buffer before its batch is "
            + "written, when batch.size is not reached and records keep coming; once the task's partitions give no "
            + "records for 100 ms, what is buffered is written at once.";
    public static final long BATCH_LINGER_MS_DEFAULT = 1000L;
    private static final String BATCH_LINGER_MS_DISPLAY = "Batch linger (ms)";

    public static final String MAX_RETRIES_CONFIG = "max.retries";
    private static final String MAX_RETRIES_DOC = "How many times a write that failed with a transient error "
            + "(connection refused, timeout, server unavailable) is retried before the task fails. The count restarts "
            + "after every successful write.";
    public static final int MAX_RETRIES_DEFAULT = 10;
    private static final String MAX_RETRIES_DISPLAY = "Max retries";

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC =
            "Time in milliseconds to wait after a transient error before " + "retrying.";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 3000L;
    private static final String RETRY_BACKOFF_MS_DISPLAY = "Retry backoff (ms)";

    public static final String TABLE_NAME_TAG_CONFIG = "table.name.tag";
    private static final String TABLE_NAME_TAG_DOC = "Tag whose value names the child table a write creates, instead "
            + "of TDengine's generated t_<md5> name (TDengine's table_name_key): with table.name.tag=device_id, the line "
            + "meters,device_id=d1001 ... lands in child table d1001. TDengine does not keep that tag as a tag column; "
            + "lines without it get generated names. Over jdbc:TAOS-RS:// only: taos-jdbcdriver cannot pass it over "
            + "native or WebSocket connections. Empty: generated names.";
    private static final String TABLE_NAME_TAG_DISPLAY = "Table name tag";

    public static final String TABLE_TTL_CONFIG = "table.ttl";
    private static final String TABLE_TTL_DOC = "Time to live, in days, of the child tables the sink's writes create "
            + "(TDengine's TTL); TDengine drops a table once it has expired. Tables that already exist keep theirs. "
            + "0, TDengine's default, keeps them for ever.";
    public static final int TABLE_TTL_DEFAULT = 0;
    private static final String TABLE_TTL_DISPLAY = "Table TTL (days)";

    public static final String WRITE_METHOD_CONFIG = "write.method";
    private static final String WRITE_METHOD_DOC =
            "How records are written. schemaless: record values are line, telnet "
                    + "or OpenTSDB JSON text (db.schemaless) that TDengine parses, as in TDengine's Kafka tutorial. stmt: "
                    + "record values are Structs (Avro, Protobuf, JSON with schemas) or Maps (JSON without schema) whose fields "
                    + "are written with their types into the columns and tags of the super table table.name.format names, "
                    + "in SQL statements built by the sink: tags keep their types, child tables are named by "
                    + "child.table.name.format on every transport, and pre-created super tables are written as they are.";
    public static final String WRITE_METHOD_DEFAULT = WriteMethod.SCHEMALESS.configValue();
    private static final String WRITE_METHOD_DISPLAY = "Write method";

    public static final String TABLE_NAME_FORMAT_CONFIG = "table.name.format";
    private static final String TABLE_NAME_FORMAT_DOC = "write.method=stmt: the super table a record is written into; "
            + "${topic} stands for the record's topic (metrics_${topic}). Characters TDengine does not allow in names "
            + "(dots and hyphens of topic names) become underscores.";
    public static final String TABLE_NAME_FORMAT_DEFAULT = "${topic}";
    private static final String TABLE_NAME_FORMAT_DISPLAY = "Super table name";

    public static final String CHILD_TABLE_NAME_FORMAT_CONFIG = "child.table.name.format";
    private static final String CHILD_TABLE_NAME_FORMAT_DOC = "write.method=stmt: the child table a record is written "
            + "into; ${name} stands for the value of the record's field (or tag) of that column name, ${topic} for the "
            + "topic: d${groupid} or ${location}_${groupid}. A record whose name is empty, longer than TDengine's 192 "
            + "bytes or holds a backquote is a bad record (see errors.tolerance). Empty: t_ followed by the MD5 of the "
            + "super table's name and the record's tag values, so the same tags always reach the same child table.";
    private static final String CHILD_TABLE_NAME_FORMAT_DISPLAY = "Child table name";

    public static final String TAGS_CONFIG = "tags";
    private static final String TAGS_DOC = "write.method=stmt: the record fields written as tags, in this order (paths "
            + "of nested fields joined by '.', loc.city becomes tag loc_city). Every other field is a column. Needed "
            + "when the sink creates the super table; for an existing one, its tags are also matched by name.";
    private static final String TAGS_DISPLAY = "Tag fields";

    public static final String TIMESTAMP_FIELD_CONFIG = "timestamp.field";
    private static final String TIMESTAMP_FIELD_DOC =
            "write.method=stmt: the record field holding the row's timestamp: "
                    + "a Connect Timestamp, a number in data.precision, or an ISO-8601 string. Empty: the record's Kafka "
                    + "timestamp. Either way a record delivered again overwrites its row.";
    private static final String TIMESTAMP_FIELD_DISPLAY = "Timestamp field";

    public static final String AUTO_CREATE_CONFIG = "auto.create";
    private static final String AUTO_CREATE_DOC = "write.method=stmt: create a missing super table from the first "
            + "record's fields with their exact types (INT8 TINYINT, INT16 SMALLINT, INT32 INT, INT64 BIGINT, FLOAT32 "
            + "FLOAT, FLOAT64 DOUBLE, BOOLEAN BOOL, STRING string.type, BYTES VARBINARY, Timestamp TIMESTAMP). false: a "
            + "missing super table fails the task.";
    private static final String AUTO_CREATE_DISPLAY = "Create super tables";

    public static final String AUTO_EVOLVE_CONFIG = "auto.evolve";
    private static final String AUTO_EVOLVE_DOC = "write.method=stmt: add a column or tag for a record field the super "
            + "table lacks, and widen a VARCHAR, NCHAR or VARBINARY column a value is too long for. Nothing is ever "
            + "dropped or narrowed. false: such a record is a bad record (see errors.tolerance).";
    private static final String AUTO_EVOLVE_DISPLAY = "Evolve super tables";

    public static final String STRING_TYPE_CONFIG = "string.type";
    private static final String STRING_TYPE_DOC = "write.method=stmt: the type of string columns and tags the sink "
            + "creates: varchar (UTF-8 bytes) or nchar (Unicode characters).";
    public static final String STRING_TYPE_DEFAULT = StringType.VARCHAR.configValue();
    private static final String STRING_TYPE_DISPLAY = "String column type";

    public static final String STRING_LENGTH_CONFIG = "string.length";
    private static final String STRING_LENGTH_DOC = "write.method=stmt: the length of string and bytes columns and "
            + "tags the sink creates; auto.evolve widens them (doubling) for longer values.";
    public static final int STRING_LENGTH_DEFAULT = 64;
    /** TDengine's longest NCHAR; a VARCHAR may be longer, but one limit for both keeps the key simple. */
    public static final int STRING_LENGTH_MAX = 16_382;

    private static final String STRING_LENGTH_DISPLAY = "String column length";

    public static final ConfigDef CONFIG_DEF = configDef();

    public TDengineSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    private static ConfigDef configDef() {
        ConfigDef def = ConnectionConfigs.define(new ConfigDef());
        int order = 0;
        def.define(
                        CONNECTION_DATABASE_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        ConfigDef.Importance.HIGH,
                        CONNECTION_DATABASE_DOC,
                        DATABASE_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        CONNECTION_DATABASE_DISPLAY)
                .define(
                        CONNECTION_DATABASE_PREFIX_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        TopicTemplate.VALIDATOR,
                        ConfigDef.Importance.MEDIUM,
                        CONNECTION_DATABASE_PREFIX_DOC,
                        DATABASE_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        CONNECTION_DATABASE_PREFIX_DISPLAY)
                .define(
                        DATA_PRECISION_CONFIG,
                        ConfigDef.Type.STRING,
                        DATA_PRECISION_DEFAULT,
                        PRECISIONS,
                        ConfigDef.Importance.MEDIUM,
                        DATA_PRECISION_DOC,
                        DATABASE_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        DATA_PRECISION_DISPLAY,
                        PRECISIONS);
        order = 0;
        def.define(
                        DB_SCHEMALESS_CONFIG,
                        ConfigDef.Type.STRING,
                        DB_SCHEMALESS_DEFAULT,
                        ConfigEnum.validator(SchemalessProtocol.class),
                        ConfigDef.Importance.HIGH,
                        DB_SCHEMALESS_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        DB_SCHEMALESS_DISPLAY,
                        ConfigEnum.recommender(SchemalessProtocol.class))
                .define(
                        TIMESTAMP_MISSING_CONFIG,
                        ConfigDef.Type.STRING,
                        TIMESTAMP_MISSING_DEFAULT,
                        ConfigEnum.validator(MissingTimestamp.class),
                        ConfigDef.Importance.MEDIUM,
                        TIMESTAMP_MISSING_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        TIMESTAMP_MISSING_DISPLAY,
                        ConfigEnum.recommender(MissingTimestamp.class))
                .define(
                        BATCH_SIZE_CONFIG,
                        ConfigDef.Type.INT,
                        BATCH_SIZE_DEFAULT,
                        ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM,
                        BATCH_SIZE_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        BATCH_SIZE_DISPLAY)
                .define(
                        BATCH_LINGER_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        BATCH_LINGER_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.LOW,
                        BATCH_LINGER_MS_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        BATCH_LINGER_MS_DISPLAY)
                .define(
                        MAX_RETRIES_CONFIG,
                        ConfigDef.Type.INT,
                        MAX_RETRIES_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.MEDIUM,
                        MAX_RETRIES_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        MAX_RETRIES_DISPLAY)
                .define(
                        RETRY_BACKOFF_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        RETRY_BACKOFF_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.LOW,
                        RETRY_BACKOFF_MS_DOC,
                        WRITES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        RETRY_BACKOFF_MS_DISPLAY);
        order = 0;
        def.define(
                        TABLE_NAME_TAG_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        ConfigDef.Importance.MEDIUM,
                        TABLE_NAME_TAG_DOC,
                        TABLES_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        TABLE_NAME_TAG_DISPLAY)
                .define(
                        TABLE_TTL_CONFIG,
                        ConfigDef.Type.INT,
                        TABLE_TTL_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.LOW,
                        TABLE_TTL_DOC,
                        TABLES_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        TABLE_TTL_DISPLAY);
        order = 0;
        def.define(
                        WRITE_METHOD_CONFIG,
                        ConfigDef.Type.STRING,
                        WRITE_METHOD_DEFAULT,
                        ConfigEnum.validator(WriteMethod.class),
                        ConfigDef.Importance.HIGH,
                        WRITE_METHOD_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        WRITE_METHOD_DISPLAY,
                        ConfigEnum.recommender(WriteMethod.class))
                .define(
                        TABLE_NAME_FORMAT_CONFIG,
                        ConfigDef.Type.STRING,
                        TABLE_NAME_FORMAT_DEFAULT,
                        ConfigDef.CompositeValidator.of(new ConfigDef.NonEmptyString(), TopicTemplate.VALIDATOR),
                        ConfigDef.Importance.HIGH,
                        TABLE_NAME_FORMAT_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        TABLE_NAME_FORMAT_DISPLAY)
                .define(
                        CHILD_TABLE_NAME_FORMAT_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        ConfigDef.Importance.MEDIUM,
                        CHILD_TABLE_NAME_FORMAT_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        CHILD_TABLE_NAME_FORMAT_DISPLAY)
                .define(
                        TAGS_CONFIG,
                        ConfigDef.Type.LIST,
                        List.of(),
                        ConfigDef.Importance.HIGH,
                        TAGS_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        TAGS_DISPLAY)
                .define(
                        TIMESTAMP_FIELD_CONFIG,
                        ConfigDef.Type.STRING,
                        null,
                        ConfigDef.Importance.MEDIUM,
                        TIMESTAMP_FIELD_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        TIMESTAMP_FIELD_DISPLAY)
                .define(
                        AUTO_CREATE_CONFIG,
                        ConfigDef.Type.BOOLEAN,
                        false,
                        ConfigDef.Importance.MEDIUM,
                        AUTO_CREATE_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        AUTO_CREATE_DISPLAY)
                .define(
                        AUTO_EVOLVE_CONFIG,
                        ConfigDef.Type.BOOLEAN,
                        false,
                        ConfigDef.Importance.MEDIUM,
                        AUTO_EVOLVE_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        AUTO_EVOLVE_DISPLAY)
                .define(
                        STRING_TYPE_CONFIG,
                        ConfigDef.Type.STRING,
                        STRING_TYPE_DEFAULT,
                        ConfigEnum.validator(StringType.class),
                        ConfigDef.Importance.LOW,
                        STRING_TYPE_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        STRING_TYPE_DISPLAY,
                        ConfigEnum.recommender(StringType.class))
                .define(
                        STRING_LENGTH_CONFIG,
                        ConfigDef.Type.INT,
                        STRING_LENGTH_DEFAULT,
                        ConfigDef.Range.between(1, STRING_LENGTH_MAX),
                        ConfigDef.Importance.LOW,
                        STRING_LENGTH_DOC,
                        TYPED_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        STRING_LENGTH_DISPLAY);
        return def;
    }

    public SchemalessProtocol protocol() {
        return ConfigEnum.parse(SchemalessProtocol.class, DB_SCHEMALESS_CONFIG, getString(DB_SCHEMALESS_CONFIG));
    }

    public MissingTimestamp missingTimestamp() {
        return ConfigEnum.parse(MissingTimestamp.class, TIMESTAMP_MISSING_CONFIG, getString(TIMESTAMP_MISSING_CONFIG));
    }

    public TimestampUnit precision() {
        return PRECISIONS.parse(DATA_PRECISION_CONFIG, getString(DATA_PRECISION_CONFIG));
    }

    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    public long lingerMs() {
        return getLong(BATCH_LINGER_MS_CONFIG);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS_CONFIG);
    }

    public String database() {
        return blankToNull(getString(CONNECTION_DATABASE_CONFIG));
    }

    public String databasePrefix() {
        return blankToNull(getString(CONNECTION_DATABASE_PREFIX_CONFIG));
    }

    /** The tag naming child tables, or {@code null}. */
    public String tableNameTag() {
        String value = getString(TABLE_NAME_TAG_CONFIG);
        return value == null || value.isEmpty() ? null : value;
    }

    public TableOptions tableOptions() {
        return new TableOptions(tableNameTag(), getInt(TABLE_TTL_CONFIG));
    }

    public WriteMethod writeMethod() {
        return ConfigEnum.parse(WriteMethod.class, WRITE_METHOD_CONFIG, getString(WRITE_METHOD_CONFIG));
    }

    public TypedWriteOptions typedWriteOptions() {
        return new TypedWriteOptions(
                getString(TABLE_NAME_FORMAT_CONFIG).trim(),
                blankToNull(getString(CHILD_TABLE_NAME_FORMAT_CONFIG)),
                getList(TAGS_CONFIG),
                blankToNull(getString(TIMESTAMP_FIELD_CONFIG)),
                getBoolean(AUTO_CREATE_CONFIG),
                getBoolean(AUTO_EVOLVE_CONFIG),
                ConfigEnum.parse(StringType.class, STRING_TYPE_CONFIG, getString(STRING_TYPE_CONFIG)),
                getInt(STRING_LENGTH_CONFIG));
    }

    public long requestTimeoutMs() {
        return getLong(ConnectionConfigs.REQUEST_TIMEOUT_MS_CONFIG);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
