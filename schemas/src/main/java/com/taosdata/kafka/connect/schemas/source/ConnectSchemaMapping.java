package com.taosdata.kafka.connect.schemas.source;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The reverse direction, TDengine column → Connect schema and value, for reading TDengine. Every mapping is
 * lossless:
 * <ul>
 *   <li>TIMESTAMP → {@code Timestamp} (a Date) in a millisecond database; INT64 counted in the database precision
 *       in a microsecond or nanosecond one, since a Date would drop the digits</li>
 *   <li>BOOL → BOOLEAN; TINYINT, SMALLINT, INT, BIGINT → INT8, INT16, INT32, INT64</li>
 *   <li>unsigned types widen to the next signed type: TINYINT UNSIGNED → INT16, SMALLINT UNSIGNED → INT32,
 *       INT UNSIGNED → INT64, and BIGINT UNSIGNED → {@code Decimal} with scale 0, since no Connect integer holds
 *       2^64 − 1</li>
 *   <li>FLOAT → FLOAT32, DOUBLE → FLOAT64, DECIMAL(p,s) → {@code Decimal} with scale s (precision kept in the
 *       {@code connect.decimal.precision} parameter)</li>
 *   <li>VARCHAR, BINARY, NCHAR and JSON → STRING (JSON as its text); VARBINARY and GEOMETRY (WKB) → BYTES</li>
 * </ul>
 * Every schema carries the TDengine type in the parameter {@value #TYPE_PARAMETER}.
 */
public final class ConnectSchemaMapping {

    /** Schema parameter holding the TDengine type the schema was made for, e.g. {@code NCHAR(20)}. */
    public static final String TYPE_PARAMETER = "tdengine.type";
    /** Schema parameter holding the unit of an INT64 timestamp: {@code us} or {@code ns}. */
    public static final String PRECISION_PARAMETER = "tdengine.precision";

    private ConnectSchemaMapping() {}

    /** The Connect schema for values of {@code column} in a database of {@code databasePrecision}. */
    public static Schema schemaFor(TdengineColumnType column, TimestampUnit databasePrecision, boolean optional) {
        SchemaBuilder builder = builderFor(column, databasePrecision);
        builder.parameter(TYPE_PARAMETER, column.toString());
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    private static SchemaBuilder builderFor(TdengineColumnType column, TimestampUnit databasePrecision) {
        switch (column.type()) {
            case TIMESTAMP:
                return databasePrecision == TimestampUnit.MS
                        ? Timestamp.builder()
                        : SchemaBuilder.int64().parameter(PRECISION_PARAMETER, databasePrecision.configValue());
            case BOOL:
                return SchemaBuilder.bool();
            case TINYINT:
                return SchemaBuilder.int8();
            case SMALLINT:
            case TINYINT_UNSIGNED:
                return SchemaBuilder.int16();
            case INT:
            case SMALLINT_UNSIGNED:
                return SchemaBuilder.int32();
            case BIGINT:
            case INT_UNSIGNED:
                return SchemaBuilder.int64();
            case BIGINT_UNSIGNED:
                return Decimal.builder(0).parameter("connect.decimal.precision", "20");
            case FLOAT:
                return SchemaBuilder.float32();
            case DOUBLE:
                return SchemaBuilder.float64();
            case DECIMAL:
                return Decimal.builder(column.scale())
                        .parameter("connect.decimal.precision", Integer.toString(column.precision()));
            case VARBINARY:
            case GEOMETRY:
                return SchemaBuilder.bytes();
            default:
                return SchemaBuilder.string();
        }
    }

    /**
     * Converts a value as the TDengine JDBC driver returns it ({@code getObject}) to the Connect value of
     * {@link #schemaFor}; {@code null} stays {@code null}.
     */
    public static Object toConnect(TdengineColumnType column, Object value, TimestampUnit databasePrecision) {
        if (value == null) {
            return null;
        }
        switch (column.type()) {
            case TIMESTAMP:
                return timestamp(value, databasePrecision);
            case BOOL:
                return value instanceof Boolean ? value : ((Number) value).intValue() != 0;
            case TINYINT:
                return ((Number) value).byteValue();
            case SMALLINT:
                return ((Number) value).shortValue();
            case INT:
                return ((Number) value).intValue();
            case BIGINT:
                return ((Number) value).longValue();
            case TINYINT_UNSIGNED:
                return value instanceof Byte ? (short) ((Byte) value & 0xFF) : ((Number) value).shortValue();
            case SMALLINT_UNSIGNED:
                return value instanceof Short ? (Short) value & 0xFFFF : ((Number) value).intValue();
            case INT_UNSIGNED:
                return value instanceof Integer ? (Integer) value & 0xFFFF_FFFFL : ((Number) value).longValue();
            case BIGINT_UNSIGNED:
                return unsignedLong(value);
            case FLOAT:
                return ((Number) value).floatValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case DECIMAL:
                return new BigDecimal(value.toString()).setScale(column.scale(), RoundingMode.UNNECESSARY);
            case VARBINARY:
            case GEOMETRY:
                return value instanceof byte[] ? value : value.toString().getBytes(StandardCharsets.UTF_8);
            default:
                return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : value.toString();
        }
    }

    private static Object timestamp(Object value, TimestampUnit databasePrecision) {
        if (value instanceof Number) {
            long raw = ((Number) value).longValue();
            return databasePrecision == TimestampUnit.MS ? new Date(raw) : raw;
        }
        Instant instant = value instanceof java.sql.Timestamp
                ? ((java.sql.Timestamp) value).toInstant()
                : value instanceof Date ? ((Date) value).toInstant() : (Instant) value;
        if (databasePrecision == TimestampUnit.MS) {
            return new Date(instant.toEpochMilli());
        }
        return databasePrecision.fromEpochSecond(instant.getEpochSecond(), instant.getNano());
    }

    private static BigDecimal unsignedLong(Object value) {
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        // the driver may hand a BIGINT UNSIGNED over as a long carrying the same 64 bits
        return new BigDecimal(Long.toUnsignedString(((Number) value).longValue()));
    }
}
