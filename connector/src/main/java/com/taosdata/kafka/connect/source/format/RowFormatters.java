package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.config.OutFormat;

/** The formatter for an {@code out.format}. */
public final class RowFormatters {

    private RowFormatters() {
    }

    public static RowFormatter create(OutFormat format, TimestampUnit unit) {
        switch (format) {
            case LINE:
                return new LineFormatter(unit);
            case JSON:
                return new JsonFormatter(unit);
            case STRUCT:
                return new StructFormatter();
            default:
                throw new IllegalStateException("unhandled out.format " + format);
        }
    }
}
