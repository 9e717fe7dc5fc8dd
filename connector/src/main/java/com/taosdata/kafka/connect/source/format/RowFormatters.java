package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.config.OutFormat;

/** The formatter for an {@code out.format}. */
public final class RowFormatters {

    private RowFormatters() {}

    public static RowFormatter create(OutFormat format, TimestampUnit unit) {
        return switch (format) {
            case LINE -> new LineFormatter(unit);
            case JSON -> new JsonFormatter(unit);
            case STRUCT -> new StructFormatter();
        };
    }
}
