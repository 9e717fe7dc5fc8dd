package com.taosdata.kafka.connect.transforms.config;

import com.taosdata.kafka.connect.schemas.ArrayEncoding;
import com.taosdata.kafka.connect.schemas.BytesEncoding;
import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The configuration keys shared by the three SMTs, and the {@link ConfigDef} each of them publishes. */
public final class EncodingConfigDef {

    public static final String MEASUREMENT = "measurement";
    public static final String MEASUREMENT_FIELD = "measurement.field";
    public static final String TABLE_NAME_FIELD = "table.name.field";
    public static final String TAGS = "tags";
    public static final String FIELDS = "fields";
    public static final String TIMESTAMP_FIELD = "timestamp.field";
    public static final String TIMESTAMP_UNIT = "timestamp.unit";
    public static final String PRECISION = "precision";
    public static final String FIELD_SEPARATOR = "field.separator";
    public static final String STRING_TYPE = "string.type";
    public static final String TYPE_SUFFIXES = "type.suffixes";
    public static final String NULL_HANDLING = "null.handling";
    public static final String BYTES_ENCODING = "bytes.encoding";
    public static final String ARRAY_ENCODING = "array.encoding";

    private static final String GROUP_SELECT = "Measurement, tags and fields";
    private static final String GROUP_TIME = "Time";
    private static final String GROUP_ENCODING = "Encoding";

    private EncodingConfigDef() {}

    /** The complete definition for an SMT writing {@code protocol}; only the precision differs between them. */
    public static ConfigDef build(OutputProtocol protocol) {
        FieldPathValidator paths = new FieldPathValidator();
        ConfigEnum.Values<TimestampUnit> units = ConfigEnum.of(TimestampUnit.class);
        ConfigEnum.Values<TimestampUnit> precisions = ConfigEnum.of(protocol.precisions());
        ConfigEnum.Values<StringType> stringTypes = ConfigEnum.of(StringType.class);
        ConfigEnum.Values<SuffixStyle> suffixes = ConfigEnum.of(SuffixStyle.class);
        ConfigEnum.Values<NullHandling> nulls = ConfigEnum.of(NullHandling.class);
        ConfigEnum.Values<BytesEncoding> bytes = ConfigEnum.of(BytesEncoding.class);
        ConfigEnum.Values<ArrayEncoding> arrays = ConfigEnum.of(ArrayEncoding.class);
        int order = 0;
        ConfigDef def = new ConfigDef()
                .define(
                        MEASUREMENT,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "Static measurement (super table) name. Default: the record's topic.",
                        GROUP_SELECT,
                        ++order,
                        Width.MEDIUM,
                        "Measurement")
                .define(
                        MEASUREMENT_FIELD,
                        Type.STRING,
                        null,
                        paths,
                        Importance.MEDIUM,
                        "Path of the field whose value names the measurement; wins over '" + MEASUREMENT
                                + "'. A record whose field is null is a data error. The field is not written.",
                        GROUP_SELECT,
                        ++order,
                        Width.MEDIUM,
                        "Measurement field")
                .define(
                        TABLE_NAME_FIELD,
                        Type.STRING,
                        null,
                        paths,
                        Importance.MEDIUM,
                        "Path of the field whose value names the record's child table. It is written as the first"
                                + " tag, keyed by the field's column name, and escaped like any tag value; set the"
                                + " sink's table.name.tag to that name. TDengine then names the child table after"
                                + " the value and does not keep it as a tag column. A record whose field is"
                                + " missing, null or empty, or longer than TDengine's 192-byte table names, is a"
                                + " data error. The field is not written as a column.",
                        GROUP_SELECT,
                        ++order,
                        Width.MEDIUM,
                        "Table name field")
                .define(
                        TAGS,
                        Type.LIST,
                        List.of(),
                        paths,
                        Importance.HIGH,
                        "Comma-separated paths of the fields written as tags, in this order; nested names are"
                                + " joined by '.'. Null or empty tag values are left out.",
                        GROUP_SELECT,
                        ++order,
                        Width.LONG,
                        "Tags")
                .define(
                        FIELDS,
                        Type.LIST,
                        List.of(),
                        paths,
                        Importance.HIGH,
                        "Comma-separated paths of the fields written as columns, in this order; a path to a struct"
                                + " or map takes all its members. Default: every field left after flattening,"
                                + " minus the tags and the timestamp, measurement and table name fields.",
                        GROUP_SELECT,
                        ++order,
                        Width.LONG,
                        "Fields")
                .define(
                        FIELD_SEPARATOR,
                        Type.STRING,
                        "_",
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        "Joins the names of nested struct and map members into column names when flattening.",
                        GROUP_SELECT,
                        ++order,
                        Width.SHORT,
                        "Field separator")
                .define(
                        NULL_HANDLING,
                        Type.STRING,
                        NullHandling.SKIP.configValue(),
                        nulls,
                        Importance.MEDIUM,
                        "A null field value: 'skip' leaves the field out, 'fail' is a data error. A record left"
                                + " with no field is always a data error.",
                        GROUP_SELECT,
                        ++order,
                        Width.SHORT,
                        "Null handling",
                        nulls);
        order = 0;
        def.define(
                        TIMESTAMP_FIELD,
                        Type.STRING,
                        null,
                        paths,
                        Importance.HIGH,
                        "Path of the field holding the timestamp: a number in '" + TIMESTAMP_UNIT + "', a Connect"
                                + " Timestamp, Date or Time value, or an ISO-8601 string. Default: the record's"
                                + " Kafka timestamp. The field is not written as a column.",
                        GROUP_TIME,
                        ++order,
                        Width.MEDIUM,
                        "Timestamp field")
                .define(
                        TIMESTAMP_UNIT,
                        Type.STRING,
                        TimestampUnit.MS.configValue(),
                        units,
                        Importance.MEDIUM,
                        "Unit of numeric timestamp fields: s, ms, us or ns.",
                        GROUP_TIME,
                        ++order,
                        Width.SHORT,
                        "Timestamp unit",
                        units)
                .define(
                        PRECISION,
                        Type.STRING,
                        protocol.defaultPrecision().configValue(),
                        precisions,
                        Importance.MEDIUM,
                        protocol == OutputProtocol.LINE
                                ? "Precision of the written timestamps and of Date, Time and Timestamp values in"
                                        + " other fields; must match the precision the sink declares to TDengine."
                                : "Precision of the written timestamps; OpenTSDB protocols carry milliseconds.",
                        GROUP_TIME,
                        ++order,
                        Width.SHORT,
                        "Output precision",
                        precisions);
        order = 0;
        def.define(
                        STRING_TYPE,
                        Type.STRING,
                        StringType.VARCHAR.configValue(),
                        stringTypes,
                        Importance.MEDIUM,
                        "Column type of string values: 'varchar' writes \"…\", 'nchar' writes L\"…\".",
                        GROUP_ENCODING,
                        ++order,
                        Width.SHORT,
                        "String type",
                        stringTypes)
                .define(
                        TYPE_SUFFIXES,
                        Type.STRING,
                        SuffixStyle.TDENGINE.configValue(),
                        suffixes,
                        Importance.MEDIUM,
                        "Number suffixes: 'tdengine' writes i8, i16, i32, i64, f32, f64 (exact column widths);"
                                + " 'influx' writes i for integers (BIGINT) and bare floats (DOUBLE).",
                        GROUP_ENCODING,
                        ++order,
                        Width.SHORT,
                        "Type suffixes",
                        suffixes)
                .define(
                        BYTES_ENCODING,
                        Type.STRING,
                        BytesEncoding.NONE.configValue(),
                        bytes,
                        Importance.LOW,
                        "How bytes values become strings: 'base64' or 'hex'; 'none' makes a bytes value a data"
                                + " error.",
                        GROUP_ENCODING,
                        ++order,
                        Width.SHORT,
                        "Bytes encoding",
                        bytes)
                .define(
                        ARRAY_ENCODING,
                        Type.STRING,
                        ArrayEncoding.NONE.configValue(),
                        arrays,
                        Importance.LOW,
                        "How arrays become strings: 'json'; 'none' makes an array value a data error.",
                        GROUP_ENCODING,
                        ++order,
                        Width.SHORT,
                        "Array encoding",
                        arrays);
        return def;
    }
}
