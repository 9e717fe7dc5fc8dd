package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.ArrayEncoding;
import com.taosdata.kafka.connect.schemas.BytesEncoding;
import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.ValueKind;
import com.taosdata.kafka.connect.schemas.text.DecimalText;
import com.taosdata.kafka.connect.schemas.text.JsonWriter;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * How one Connect type (a {@link Schema.Type} or a logical type) is written to TDengine: the column type a
 * line-protocol write creates, its line-protocol value (with type suffix) and its bare value for the OpenTSDB
 * protocols. STRUCT and MAP have no mapping: they are containers that callers flatten.
 */
public enum ColumnMapping {
    /** INT8 → TINYINT, suffix {@code i8}. */
    INT8(ValueKind.INTEGER, TdengineType.TINYINT, "i8"),
    /** INT16 → SMALLINT, suffix {@code i16}. */
    INT16(ValueKind.INTEGER, TdengineType.SMALLINT, "i16"),
    /** INT32 → INT, suffix {@code i32}. */
    INT32(ValueKind.INTEGER, TdengineType.INT, "i32"),
    /** INT64 → BIGINT, suffix {@code i64}. */
    INT64(ValueKind.INTEGER, TdengineType.BIGINT, "i64"),
    /** FLOAT32 → FLOAT, suffix {@code f32}. */
    FLOAT32(ValueKind.FLOAT, TdengineType.FLOAT, "f32"),
    /** FLOAT64 → DOUBLE, suffix {@code f64}. */
    FLOAT64(ValueKind.FLOAT, TdengineType.DOUBLE, "f64"),
    /** Decimal → DOUBLE, suffix {@code f64}: line protocol has no decimal literal, so it is rounded to a double. */
    DECIMAL(ValueKind.FLOAT, TdengineType.DOUBLE, "f64"),
    /** BOOLEAN → BOOL, written {@code true} / {@code false}. */
    BOOLEAN(ValueKind.BOOLEAN, TdengineType.BOOL, ""),
    /** STRING → VARCHAR ({@code "…"}) or NCHAR ({@code L"…"}), per {@code string.type}. */
    STRING(ValueKind.STRING, null, ""),
    /**
     * BYTES → a string holding base64 or hex text. Without an encoding a bytes value is an error: raw bytes would
     * corrupt the line.
     */
    BYTES(ValueKind.STRING, null, ""),
    /**
     * ARRAY → a string holding the array as JSON. TDengine has no array column, so without
     * {@code array.encoding=json} an array is an error rather than silently dropped.
     */
    ARRAY(ValueKind.STRING, null, ""),
    /** Date (days since the epoch, as epoch time) → BIGINT in the output precision, suffix {@code i64}. */
    DATE(ValueKind.INTEGER, TdengineType.BIGINT, "i64"),
    /** Time (time of day, as the time since midnight) → BIGINT in the output precision, suffix {@code i64}. */
    TIME(ValueKind.INTEGER, TdengineType.BIGINT, "i64"),
    /** Timestamp (point in time, as epoch time) → BIGINT in the output precision, suffix {@code i64}. */
    TIMESTAMP(ValueKind.INTEGER, TdengineType.BIGINT, "i64");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ValueKind kind;
    /** The column type in TDengine's suffix style; {@code null} for strings, whose type {@code string.type} picks. */
    private final TdengineType columnType;

    private final String suffix;

    ColumnMapping(ValueKind kind, TdengineType columnType, String suffix) {
        this.kind = kind;
        this.columnType = columnType;
        this.suffix = suffix;
    }

    /**
     * Whether values of {@code schema} are flattened into their members instead of mapped: Structs, except those
     * standing for one value ({@link ProtobufStructs#isValue}), and Maps.
     */
    public static boolean isContainer(Schema schema) {
        return (schema.type() == Schema.Type.STRUCT && !ProtobufStructs.isValue(schema))
                || schema.type() == Schema.Type.MAP;
    }

    /** Whether a value is flattened into its members instead of mapped. */
    public static boolean isContainer(Object value) {
        // the usual leaves are told by class first: on JDK 17 a value that is not a Map costs the Map test a scan
        // of the value class's interfaces, per record and field of schemaless data
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return false;
        }
        return value instanceof Map || (value instanceof Struct struct && !ProtobufStructs.isValue(struct.schema()));
    }

    /**
     * The mapping for {@code schema}: by its logical name when it is Decimal, Date, Time or Timestamp, otherwise
     * by its type; a Protobuf Timestamp Struct as a Timestamp, a Protobuf wrapper as its value.
     *
     * @throws UnsupportedValueException for STRUCT and MAP schemas
     */
    public static ColumnMapping forSchema(Schema schema) {
        ColumnMapping logical = forLogicalName(schema.name());
        if (logical != null) {
            return logical;
        }
        if (ProtobufStructs.isTimestamp(schema)) {
            return TIMESTAMP;
        }
        Schema wrapped = ProtobufStructs.wrapped(schema);
        if (wrapped != null) {
            return forSchema(wrapped);
        }
        return switch (schema.type()) {
            case INT8 -> INT8;
            case INT16 -> INT16;
            case INT32 -> INT32;
            case INT64 -> INT64;
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
            case BOOLEAN -> BOOLEAN;
            case STRING -> STRING;
            case BYTES -> BYTES;
            case ARRAY -> ARRAY;
            case STRUCT, MAP ->
                throw new UnsupportedValueException("no TDengine mapping for Connect type " + schema.type()
                        + "; structs and maps are flattened, not mapped");
        };
    }

    private static ColumnMapping forLogicalName(String name) {
        if (Decimal.LOGICAL_NAME.equals(name)) {
            return DECIMAL;
        } else if (Date.LOGICAL_NAME.equals(name)) {
            return DATE;
        } else if (Time.LOGICAL_NAME.equals(name)) {
            return TIME;
        } else if (Timestamp.LOGICAL_NAME.equals(name)) {
            return TIMESTAMP;
        }
        return null;
    }

    /**
     * The mapping for a value of schemaless data, by its Java class as Connect's converters produce it; a
     * {@link java.util.Date} or an {@link Instant} (a Protobuf Timestamp, {@link ProtobufStructs#value}) is taken as
     * a Timestamp.
     *
     * @throws UnsupportedValueException for containers and classes Connect does not produce
     */
    public static ColumnMapping forValue(Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof Long) {
            return INT64;
        } else if (value instanceof Double) {
            return FLOAT64;
        } else if (value instanceof Integer) {
            return INT32;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Float) {
            return FLOAT32;
        } else if (value instanceof Short) {
            return INT16;
        } else if (value instanceof Byte) {
            return INT8;
        } else if (value instanceof BigDecimal) {
            return DECIMAL;
        } else if (value instanceof java.util.Date || value instanceof Instant) {
            return TIMESTAMP;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        } else if (value instanceof List) {
            return ARRAY;
        }
        throw new UnsupportedValueException(
                "no TDengine mapping for a value of " + value.getClass().getName());
    }

    /** Whether the value is a number, a boolean or a string in the text protocols. */
    public ValueKind kind() {
        return kind;
    }

    /** The TDengine column type a line-protocol write of this value creates. */
    public TdengineType columnType(RenderOptions options) {
        boolean influx = options.suffixStyle() == SuffixStyle.INFLUX;
        return switch (kind) {
            case INTEGER -> influx ? TdengineType.BIGINT : columnType;
            case FLOAT -> influx ? TdengineType.DOUBLE : columnType;
            case BOOLEAN -> columnType;
            case STRING -> options.stringType().columnType();
        };
    }

    /**
     * The column type a typed write (parameter binding or SQL, not line protocol) creates for this mapping: exact
     * widths, Timestamp and Date as TIMESTAMP, Decimal as DECIMAL, bytes as VARBINARY; {@code null} for strings,
     * whose type {@code string.type} picks. Time stays a BIGINT in the output precision, as the SMTs write it.
     *
     * @throws UnsupportedValueException for arrays: TDengine has no array column
     */
    public TdengineType exactColumnType() {
        return switch (this) {
            case DECIMAL -> TdengineType.DECIMAL;
            case DATE, TIMESTAMP -> TdengineType.TIMESTAMP;
            case BYTES -> TdengineType.VARBINARY;
            case STRING -> null;
            case ARRAY ->
                throw new UnsupportedValueException("TDengine has no array column (a Protobuf repeated field is an"
                        + " array); leave the field out (Kafka's ReplaceField$Value, exclude) or turn it into a string"
                        + " with an SMT");
            default -> columnType;
        };
    }

    /**
     * Appends the value as a line-protocol field value: number with its type suffix, {@code true}/{@code false},
     * or an escaped, quoted string.
     *
     * @throws UnsupportedValueException when the value cannot be written
     */
    public void appendLineValue(StringBuilder out, Object value, RenderOptions options) {
        boolean tdengine = options.suffixStyle() == SuffixStyle.TDENGINE;
        switch (kind) {
            case INTEGER -> out.append(longValue(value, options)).append(tdengine ? suffix : "i");
            case FLOAT -> {
                appendFloating(out, value);
                if (tdengine) {
                    out.append(suffix);
                }
            }
            case BOOLEAN -> out.append(((Boolean) value).booleanValue());
            case STRING -> {
                out.append(options.stringType().linePrefix());
                // String by class first: the CharSequence interface test costs more (see isContainer)
                if (value instanceof String string) {
                    LineEscaper.appendFieldString(out, string);
                } else if (value instanceof CharSequence) {
                    LineEscaper.appendFieldString(out, (CharSequence) value);
                } else {
                    StringBuilder text = new StringBuilder();
                    appendText(text, value, options);
                    LineEscaper.appendFieldString(out, text);
                }
                out.append('"');
            }
        }
    }

    /**
     * Appends the value without suffix, quotes or escapes: a bare number, {@code true}/{@code false}, or the raw
     * text of a string (the caller escapes it for its protocol).
     *
     * @throws UnsupportedValueException when the value cannot be written
     */
    public void appendPlainValue(StringBuilder out, Object value, RenderOptions options) {
        switch (kind) {
            case INTEGER -> out.append(longValue(value, options));
            case FLOAT -> appendFloating(out, value);
            case BOOLEAN -> out.append(((Boolean) value).booleanValue());
            case STRING -> appendText(out, value, options);
        }
    }

    /**
     * An integer as a long; a point in time (Connect hands Date, Time and Timestamp over in milliseconds) counted
     * in the output precision, because a second TIMESTAMP column is not something line protocol can create.
     */
    private long longValue(Object value, RenderOptions options) {
        if (this != DATE && this != TIME && this != TIMESTAMP) {
            return ((Number) value).longValue();
        }
        if (value instanceof Instant instant) {
            try {
                return options.precision().fromEpochSecond(instant.getEpochSecond(), instant.getNano());
            } catch (ArithmeticException e) {
                throw new UnsupportedValueException(
                        instant + " does not fit a BIGINT in "
                                + options.precision().configValue(),
                        e);
            }
        }
        long millis =
                value instanceof java.util.Date ? ((java.util.Date) value).getTime() : ((Number) value).longValue();
        try {
            return options.precision().fromMillis(millis);
        } catch (ArithmeticException e) {
            throw new UnsupportedValueException(
                    millis + " ms does not fit a BIGINT in "
                            + options.precision().configValue(),
                    e);
        }
    }

    /** A finite number in its shortest round-tripping form; NaN and the infinities have no line-protocol form. */
    private void appendFloating(StringBuilder out, Object value) {
        if (this == FLOAT32) {
            float number = ((Number) value).floatValue();
            requireFinite(number);
            // float's own shortest form: widening to double first would print 0.1f as 0.10000000149011612
            out.append(number);
            return;
        }
        double number = this == DECIMAL ? ((BigDecimal) value).doubleValue() : ((Number) value).doubleValue();
        requireFinite(number);
        DecimalText.appendDouble(out, number);
    }

    private static void requireFinite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " is not a finite number; TDengine cannot store it");
        }
    }

    /** The unescaped text of a STRING, BYTES or ARRAY value. */
    private void appendText(StringBuilder out, Object value, RenderOptions options) {
        if (this == BYTES) {
            appendBytes(out, toArray(value), options.bytesEncoding());
        } else if (this == ARRAY) {
            if (options.arrayEncoding() != ArrayEncoding.JSON) {
                throw new UnsupportedValueException("array value needs array.encoding=json");
            }
            JsonWriter.appendValue(out, value);
        } else {
            out.append(value);
        }
    }

    private static void appendBytes(StringBuilder out, byte[] bytes, BytesEncoding encoding) {
        switch (encoding) {
            case BASE64 -> out.append(Base64.getEncoder().encodeToString(bytes));
            case HEX -> {
                for (byte b : bytes) {
                    out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            case NONE -> throw new UnsupportedValueException("bytes value needs bytes.encoding=base64 or hex");
        }
    }

    private static byte[] toArray(Object value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        ByteBuffer copy = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
