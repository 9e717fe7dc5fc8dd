package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Configuration of the source connector: the keys of TDengine's Kafka connector documentation, same meaning. */
public final class TDengineSourceConfig extends AbstractConfig {

    private static final String TABLES_GROUP = "Tables";
    private static final String TOPICS_GROUP = "Topics";
    private static final String READ_GROUP = "Read";
    private static final String SUBSCRIPTION_GROUP = "Subscription";

    public static final String CONNECTION_DATABASE_CONFIG = ConnectionConfigs.CONNECTION_DATABASE_CONFIG;
    private static final String CONNECTION_DATABASE_DOC = "Source database. Required.";

    public static final String STABLES_CONFIG = "stables";
    private static final String STABLES_DOC = "Super tables to read, comma separated: every subtable of each is read. "
            + "When both stables and tables are empty, every super table and normal table of the database is read, "
            + "including ones created while the connector runs.";

    public static final String TABLES_CONFIG = "tables";
    private static final String TABLES_DOC = "Normal tables or subtables to read, comma separated, in addition to the "
            + "subtables of stables. Empty with stables empty too: every table of the database.";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "First part of every Kafka topic name. Empty: no prefix.";
    public static final String TOPIC_PREFIX_DEFAULT = "";

    public static final String TOPIC_DELIMITER_CONFIG = "topic.delimiter";
    private static final String TOPIC_DELIMITER_DOC = "Put between the parts of a topic name.";
    public static final String TOPIC_DELIMITER_DEFAULT = "-";

    public static final String TOPIC_PER_STABLE_CONFIG = "topic.per.stable";
    private static final String TOPIC_PER_STABLE_DOC = "true: one topic per super table (a normal table counts as its "
            + "own super table), named <topic.prefix><topic.delimiter><connection.database><topic.delimiter><stable>. "
            + "false: one topic for the database, <topic.prefix><topic.delimiter><connection.database>.";
    public static final boolean TOPIC_PER_STABLE_DEFAULT = true;

    public static final String TOPIC_IGNORE_DB_CONFIG = "topic.ignore.db";
    private static final String TOPIC_IGNORE_DB_DOC = "With topic.per.stable=true, leave the database out of topic "
            + "names: <topic.prefix><topic.delimiter><stable>. Ignored when topic.per.stable=false.";
    public static final boolean TOPIC_IGNORE_DB_DEFAULT = false;

    public static final String READ_METHOD_CONFIG = "read.method";
    private static final String READ_METHOD_DOC = "query: poll every table with incremental SQL by timestamp (any "
            + "transport). subscription: consume TDengine topics (TMQ; native or WebSocket transport), created if missing.";
    public static final String READ_METHOD_DEFAULT = ReadMethod.SUBSCRIPTION.configValue();

    public static final String TIMESTAMP_INITIAL_CONFIG = "timestamp.initial";
    private static final String TIMESTAMP_INITIAL_DOC = "Query mode: rows from this time on are read, "
            + "yyyy-MM-dd HH:mm:ss in the worker's time zone (or with an offset, e.g. +08:00). Empty: from the earliest "
            + "row. Only used for tables without a committed offset.";

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    private static final String POLL_INTERVAL_MS_DOC = "How often to check the database for new or dropped tables and "
            + "super tables, and how long a table that returned no rows waits before it is queried again. In "
            + "subscription mode, also the longest a TMQ poll waits for data.";
    public static final int POLL_INTERVAL_MS_DEFAULT = 1000;

    public static final String FETCH_MAX_ROWS_CONFIG = "fetch.max.rows";
    private static final String FETCH_MAX_ROWS_DOC = "Most rows fetched per round trip, and so about the most records "
            + "one poll returns: a window over the subtables of a super table is read this many rows at a time, a query "
            + "of a single table returns at most this many (LIMIT).";
    public static final int FETCH_MAX_ROWS_DEFAULT = 100;

    public static final String QUERY_INTERVAL_MS_CONFIG = "query.interval.ms";
    private static final String QUERY_INTERVAL_MS_DOC = "Time span of one query window: each query reads rows in "
            + "(last timestamp, last timestamp + query.interval.ms], never beyond now (less "
            + "timestamp.delay.interval.ms). 0: up to now in one window (over REST, windows of about 50,000 rows, as "
            + "its answer comes in one response).";
    public static final long QUERY_INTERVAL_MS_DEFAULT = 0L;

    public static final String TIMESTAMP_DELAY_INTERVAL_MS_CONFIG = "timestamp.delay.interval.ms";
    private static final String TIMESTAMP_DELAY_INTERVAL_MS_DOC = "Query mode: how late a row may arrive and still be "
            + "read. Each query reads rows only up to TDengine's now minus this many milliseconds, so no table's "
            + "position passes that point, and a row written less than this long after its own timestamp is delivered "
            + "exactly once even when its table already has newer rows; every row reaches Kafka this much later. A row "
            + "arriving later than that, behind its table's position, is never read in query mode (read.method="
            + "subscription delivers every row TDengine writes, however late, and has no such setting). 0: read up "
            + "to now on the worker's clock. At most 365 days.";
    public static final long TIMESTAMP_DELAY_INTERVAL_MS_DEFAULT = 0L;
    /** A delay longer than this reads nothing current for a year: subscription mode is the way for such data. */
    private static final long TIMESTAMP_DELAY_INTERVAL_MS_MAX = 365L * 24 * 60 * 60 * 1000;

    public static final String OUT_FORMAT_CONFIG = "out.format";
    private static final String OUT_FORMAT_DOC = "line: InfluxDB line protocol with TDengine type suffixes, which the "
            + "sink writes back unchanged. json: one JSON object per row. struct: a Connect Struct with a schema derived "
            + "from the table's columns and tags, for Avro, Protobuf or JSON Schema converters.";
    public static final String OUT_FORMAT_DEFAULT = OutFormat.LINE.configValue();

    public static final String DATA_PRECISION_CONFIG = "data.precision";
    private static final String DATA_PRECISION_DOC = "Unit of the timestamps written in line and json output: ms, us "
            + "or ns. Set it to the sink's data.precision for a round trip. Struct output keeps the database precision.";
    /** The precisions a database can have, which data.precision allows. */
    private static final ConfigEnum.Values<TimestampUnit> PRECISIONS = ConfigEnum.of(TimestampUnit.precisions());

    public static final String DATA_PRECISION_DEFAULT = TimestampUnit.NS.configValue();

    public static final String SUBSCRIPTION_GROUP_ID_CONFIG = "subscription.group.id";
    private static final String SUBSCRIPTION_GROUP_ID_DOC = "TMQ consumer group of the tasks. Required when "
            + "read.method=subscription; TDengine keeps the group's offsets.";

    public static final String SUBSCRIPTION_FROM_CONFIG = "subscription.from";
    private static final String SUBSCRIPTION_FROM_DOC =
            "Where a consumer group without committed offsets starts: " + "earliest or latest.";
    public static final String SUBSCRIPTION_FROM_DEFAULT = SubscriptionFrom.LATEST.configValue();

    public static final String MAX_RETRIES_CONFIG = "max.retries";
    private static final String MAX_RETRIES_DOC = "How many times a query or TMQ call that failed with a transient "
            + "error is retried before the task fails with the cause. The count restarts after every success.";
    public static final int MAX_RETRIES_DEFAULT = 10;

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "Wait in milliseconds before retrying after a transient error.";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 3000L;

    public static final ConfigDef CONFIG_DEF = configDef();

    public TDengineSourceConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    private static ConfigDef configDef() {
        ConfigDef def = ConnectionConfigs.define(new ConfigDef());
        def.define(
                CONNECTION_DATABASE_CONFIG,
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                new DatabaseValidator(),
                Importance.HIGH,
                CONNECTION_DATABASE_DOC,
                ConnectionConfigs.GROUP,
                100,
                Width.MEDIUM,
                "Database");
        int order = 0;
        def.define(
                        STABLES_CONFIG,
                        Type.LIST,
                        "",
                        Importance.HIGH,
                        STABLES_DOC,
                        TABLES_GROUP,
                        ++order,
                        Width.LONG,
                        "Super tables")
                .define(
                        TABLES_CONFIG,
                        Type.LIST,
                        "",
                        Importance.MEDIUM,
                        TABLES_DOC,
                        TABLES_GROUP,
                        ++order,
                        Width.LONG,
                        "Tables")
                .define(
                        POLL_INTERVAL_MS_CONFIG,
                        Type.INT,
                        POLL_INTERVAL_MS_DEFAULT,
                        ConfigDef.Range.atLeast(1),
                        Importance.MEDIUM,
                        POLL_INTERVAL_MS_DOC,
                        TABLES_GROUP,
                        ++order,
                        Width.SHORT,
                        "Poll interval (ms)");
        order = 0;
        def.define(
                        TOPIC_PREFIX_CONFIG,
                        Type.STRING,
                        TOPIC_PREFIX_DEFAULT,
                        Importance.HIGH,
                        TOPIC_PREFIX_DOC,
                        TOPICS_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Topic prefix")
                .define(
                        TOPIC_DELIMITER_CONFIG,
                        Type.STRING,
                        TOPIC_DELIMITER_DEFAULT,
                        Importance.LOW,
                        TOPIC_DELIMITER_DOC,
                        TOPICS_GROUP,
                        ++order,
                        Width.SHORT,
                        "Topic delimiter")
                .define(
                        TOPIC_PER_STABLE_CONFIG,
                        Type.BOOLEAN,
                        TOPIC_PER_STABLE_DEFAULT,
                        Importance.MEDIUM,
                        TOPIC_PER_STABLE_DOC,
                        TOPICS_GROUP,
                        ++order,
                        Width.SHORT,
                        "Topic per super table")
                .define(
                        TOPIC_IGNORE_DB_CONFIG,
                        Type.BOOLEAN,
                        TOPIC_IGNORE_DB_DEFAULT,
                        Importance.LOW,
                        TOPIC_IGNORE_DB_DOC,
                        TOPICS_GROUP,
                        ++order,
                        Width.SHORT,
                        "Leave database out of topic names");
        order = 0;
        def.define(
                        READ_METHOD_CONFIG,
                        Type.STRING,
                        READ_METHOD_DEFAULT,
                        ConfigEnum.validator(ReadMethod.class),
                        Importance.HIGH,
                        READ_METHOD_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Read method",
                        ConfigEnum.recommender(ReadMethod.class))
                .define(
                        OUT_FORMAT_CONFIG,
                        Type.STRING,
                        OUT_FORMAT_DEFAULT,
                        ConfigEnum.validator(OutFormat.class),
                        Importance.HIGH,
                        OUT_FORMAT_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Output format",
                        ConfigEnum.recommender(OutFormat.class))
                .define(
                        DATA_PRECISION_CONFIG,
                        Type.STRING,
                        DATA_PRECISION_DEFAULT,
                        PRECISIONS,
                        Importance.MEDIUM,
                        DATA_PRECISION_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Output timestamp unit",
                        PRECISIONS)
                .define(
                        TIMESTAMP_INITIAL_CONFIG,
                        Type.STRING,
                        null,
                        InitialTimestamp.validator(),
                        Importance.MEDIUM,
                        TIMESTAMP_INITIAL_DOC,
                        READ_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Initial timestamp")
                .define(
                        FETCH_MAX_ROWS_CONFIG,
                        Type.INT,
                        FETCH_MAX_ROWS_DEFAULT,
                        ConfigDef.Range.atLeast(1),
                        Importance.LOW,
                        FETCH_MAX_ROWS_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Rows per query")
                .define(
                        QUERY_INTERVAL_MS_CONFIG,
                        Type.LONG,
                        QUERY_INTERVAL_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        Importance.LOW,
                        QUERY_INTERVAL_MS_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Query window (ms)")
                .define(
                        TIMESTAMP_DELAY_INTERVAL_MS_CONFIG,
                        Type.LONG,
                        TIMESTAMP_DELAY_INTERVAL_MS_DEFAULT,
                        ConfigDef.Range.between(0L, TIMESTAMP_DELAY_INTERVAL_MS_MAX),
                        Importance.MEDIUM,
                        TIMESTAMP_DELAY_INTERVAL_MS_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Delay for late rows (ms)")
                .define(
                        MAX_RETRIES_CONFIG,
                        Type.INT,
                        MAX_RETRIES_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        Importance.LOW,
                        MAX_RETRIES_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Max retries")
                .define(
                        RETRY_BACKOFF_MS_CONFIG,
                        Type.LONG,
                        RETRY_BACKOFF_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        Importance.LOW,
                        RETRY_BACKOFF_MS_DOC,
                        READ_GROUP,
                        ++order,
                        Width.SHORT,
                        "Retry backoff (ms)");
        order = 0;
        def.define(
                        SUBSCRIPTION_GROUP_ID_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        SUBSCRIPTION_GROUP_ID_DOC,
                        SUBSCRIPTION_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Consumer group")
                .define(
                        SUBSCRIPTION_FROM_CONFIG,
                        Type.STRING,
                        SUBSCRIPTION_FROM_DEFAULT,
                        ConfigEnum.validator(SubscriptionFrom.class),
                        Importance.MEDIUM,
                        SUBSCRIPTION_FROM_DOC,
                        SUBSCRIPTION_GROUP,
                        ++order,
                        Width.SHORT,
                        "Start position",
                        ConfigEnum.recommender(SubscriptionFrom.class));
        return def;
    }

    /** Lower-cased as TDengine stores the names of databases, which may only be plain identifiers. */
    public String database() {
        return Identifiers.canonicalDatabase(
                getString(CONNECTION_DATABASE_CONFIG).trim());
    }

    public List<String> stables() {
        return trimmed(getList(STABLES_CONFIG));
    }

    public List<String> tables() {
        return trimmed(getList(TABLES_CONFIG));
    }

    public ReadMethod readMethod() {
        return ConfigEnum.parse(ReadMethod.class, READ_METHOD_CONFIG, getString(READ_METHOD_CONFIG));
    }

    public OutFormat outFormat() {
        return ConfigEnum.parse(OutFormat.class, OUT_FORMAT_CONFIG, getString(OUT_FORMAT_CONFIG));
    }

    public TimestampUnit outputPrecision() {
        return PRECISIONS.parse(DATA_PRECISION_CONFIG, getString(DATA_PRECISION_CONFIG));
    }

    public SubscriptionFrom subscriptionFrom() {
        return ConfigEnum.parse(SubscriptionFrom.class, SUBSCRIPTION_FROM_CONFIG, getString(SUBSCRIPTION_FROM_CONFIG));
    }

    public String groupId() {
        String value = getString(SUBSCRIPTION_GROUP_ID_CONFIG);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Instant initialTimestamp(ZoneId zone) {
        return InitialTimestamp.parse(TIMESTAMP_INITIAL_CONFIG, getString(TIMESTAMP_INITIAL_CONFIG), zone);
    }

    public int pollIntervalMs() {
        return getInt(POLL_INTERVAL_MS_CONFIG);
    }

    public int fetchMaxRows() {
        return getInt(FETCH_MAX_ROWS_CONFIG);
    }

    public long queryIntervalMs() {
        return getLong(QUERY_INTERVAL_MS_CONFIG);
    }

    public long timestampDelayIntervalMs() {
        return getLong(TIMESTAMP_DELAY_INTERVAL_MS_CONFIG);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS_CONFIG);
    }

    public TopicNaming topicNaming() {
        return new TopicNaming(
                getString(TOPIC_PREFIX_CONFIG),
                getString(TOPIC_DELIMITER_CONFIG),
                getBoolean(TOPIC_PER_STABLE_CONFIG),
                getBoolean(TOPIC_IGNORE_DB_CONFIG),
                database());
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
