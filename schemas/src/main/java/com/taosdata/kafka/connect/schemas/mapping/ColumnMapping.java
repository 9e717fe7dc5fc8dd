package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.ValueKind;
import java.util.List;

/**
 * How one Connect type (a {@link org.apache.kafka.connect.data.Schema.Type} or a logical type) is written to
 * TDengine: the column type it creates and its rendering in line protocol (value plus type suffix) and in the
 * OpenTSDB protocols (bare value). Implementations are stateless and thread-safe.
 */
public interface ColumnMapping {

    /**
     * The keys this mapping is registered under in {@link ColumnMappingRegistry}: logical schema names such as
     * {@code org.apache.kafka.connect.data.Decimal}, or {@link org.apache.kafka.connect.data.Schema.Type} names
     * such as {@code INT8}.
     */
    List<String> registrationKeys();

    /** Whether the value is a number, a boolean or a string in the text protocols. */
    ValueKind kind();

    /** The TDengine column type a line-protocol write of this value creates. */
    TdengineType columnType(RenderOptions options);

    /**
     * Appends the value as a line-protocol field value: number with its type suffix, {@code true}/{@code false},
     * or an escaped, quoted string.
     *
     * @throws com.taosdata.kafka.connect.schemas.UnsupportedValueException when the value cannot be written
     */
    void appendLineValue(StringBuilder out, Object value, RenderOptions options);

    /**
     * Appends the value without suffix, quotes or escapes: a bare number, {@code true}/{@code false}, or the raw
     * text of a string (the caller escapes it for its protocol).
     *
     * @throws com.taosdata.kafka.connect.schemas.UnsupportedValueException when the value cannot be written
     */
    void appendPlainValue(StringBuilder out, Object value, RenderOptions options);
}
