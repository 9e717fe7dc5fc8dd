package com.taosdata.kafka.connect.source.query;

import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;

import com.taosdata.kafka.connect.schemas.TimestampUnit;

/**
 * Where reading a table has got to: the timestamp of the last row sent and how many rows with that timestamp have
 * been sent. The count makes resuming exact for tables with a composite primary key, whose rows may share a
 * timestamp: the next query starts at the timestamp and skips that many rows.
 *
 * <p>Stored as the source offset {@code {"ts": <long>, "rows": <long>, "precision": "ms|us|ns"}}, with the timestamp
 * counted in the database's precision; the precision is kept so an offset stays meaningful if it changes.
 */
public record TablePosition(long timestamp, long rowsAtTimestamp) {

    static final String TS_KEY = "ts";
    static final String ROWS_KEY = "rows";
    static final String PRECISION_KEY = "precision";

    /** The position after sending one more row, with timestamp {@code ts}. */
    public TablePosition advance(long ts) {
        return ts == timestamp ? new TablePosition(ts, rowsAtTimestamp + 1) : new TablePosition(ts, 1);
    }

    public static TablePosition first(long ts) {
        return new TablePosition(ts, 1);
    }

    public Map<String, Object> toOffset(TimestampUnit precision) {
        return Map.of(TS_KEY, timestamp, ROWS_KEY, rowsAtTimestamp, PRECISION_KEY, precision.configValue());
    }

    /** The position an offset holds, in {@code precision}; {@code null} when there is no offset. */
    public static TablePosition fromOffset(Map<String, ?> offset, TimestampUnit precision) {
        if (offset == null || offset.isEmpty()) {
            return null;
        }
        Object ts = offset.get(TS_KEY);
        Object rows = offset.get(ROWS_KEY);
        if (!(ts instanceof Number) || !(rows instanceof Number)) {
            throw new ConnectException("stored source offset " + offset + " is not one this connector wrote");
        }
        Object stored = offset.get(PRECISION_KEY);
        TimestampUnit storedUnit = stored == null ? precision : TimestampUnit.parse(stored.toString());
        // A database's precision cannot change, but a database dropped and re-created under the same name can.
        return new TablePosition(precision.convert(((Number) ts).longValue(), storedUnit), ((Number) rows).longValue());
    }
}
