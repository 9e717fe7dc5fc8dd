package com.taosdata.kafka.connect.schemas;

import java.util.Objects;

/**
 * Everything a {@link com.taosdata.kafka.connect.schemas.mapping.ColumnMapping} needs to know to render a value:
 * suffix style, string column type, output time precision and the encodings of bytes and arrays.
 */
public final class RenderOptions {

    /** TDengine suffixes, VARCHAR strings, nanoseconds, no bytes or array encoding. */
    public static final RenderOptions DEFAULTS = new RenderOptions(
            SuffixStyle.TDENGINE, StringType.VARCHAR, TimestampUnit.NS, BytesEncoding.NONE, ArrayEncoding.NONE);

    private final SuffixStyle suffixStyle;
    private final StringType stringType;
    private final TimestampUnit precision;
    private final BytesEncoding bytesEncoding;
    private final ArrayEncoding arrayEncoding;

    public RenderOptions(
            SuffixStyle suffixStyle,
            StringType stringType,
            TimestampUnit precision,
            BytesEncoding bytesEncoding,
            ArrayEncoding arrayEncoding) {
        this.suffixStyle = Objects.requireNonNull(suffixStyle, "suffixStyle");
        this.stringType = Objects.requireNonNull(stringType, "stringType");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.bytesEncoding = Objects.requireNonNull(bytesEncoding, "bytesEncoding");
        this.arrayEncoding = Objects.requireNonNull(arrayEncoding, "arrayEncoding");
    }

    public SuffixStyle suffixStyle() {
        return suffixStyle;
    }

    public StringType stringType() {
        return stringType;
    }

    public TimestampUnit precision() {
        return precision;
    }

    public BytesEncoding bytesEncoding() {
        return bytesEncoding;
    }

    public ArrayEncoding arrayEncoding() {
        return arrayEncoding;
    }
}
