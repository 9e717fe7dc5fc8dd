package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Where reading a table has got to: the timestamp of the last row sent and how many rows with that timestamp have
 * been sent. The count makes resuming exact for tables with a composite primary key, whose rows may share a
 * timestamp: the next query starts at the timestamp and skips that many rows.
 *
 * <p>Stored as the source offset {@code {"ts": <long>, "rows": <long>, "precision": "ms|us|ns"}}, with the timestamp
 * counted in the database's precision; the precision is kept so an offset stays meaningful if it changes. The
 * connector writes {@code rows} of 1 or more; an operator may set 0 ({@link #from}): no row at {@code ts} sent yet,
 * so reading resumes with the rows at {@code ts}.
 */
public record TablePosition(long timestamp, long rowsAtTimestamp) {

    public static final String TS_KEY = "ts";
    public static final String ROWS_KEY = "rows";
    public static final String PRECISION_KEY = "precision";

    /** The position after sending one more row, with timestamp {@code ts}. */
    public TablePosition advance(long ts) {
        return ts == timestamp ? new TablePosition(ts, rowsAtTimestamp + 1) : new TablePosition(ts, 1);
    }

    public static TablePosition first(long ts) {
        return new TablePosition(ts, 1);
    }

    /** The position before the first row at {@code ts}: reading resumes with the rows at {@code ts}, inclusive. */
    public static TablePosition from(long ts) {
        return new TablePosition(ts, 0);
    }

    /**
     * This position as the queries of a table read it. Without a composite key a table has one row per timestamp and
     * reading resumes after the position's timestamp, so "none at {@code ts} sent yet" is said as "the one before
     * {@code ts} sent"; with one, rows at the timestamp are counted and {@code 0} skips none.
     */
    public TablePosition forKey(boolean compositeKey) {
        return rowsAtTimestamp == 0 && !compositeKey ? new TablePosition(timestamp - 1, 1) : this;
    }

    public Map<String, Object> toOffset(TimestampUnit precision) {
        return new PositionOffset(timestamp, rowsAtTimestamp, precision.configValue());
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
        long count = ((Number) rows).longValue();
        long value = ((Number) ts).longValue();
        // A database's precision cannot change, but a database dropped and re-created under the same name can.
        // Converted to a coarser precision, a position after a row rounds down and one before a row (rows 0) up,
        // so that neither moves past a row it did not name.
        long converted = count == 0 ? -precision.convert(-value, storedUnit) : precision.convert(value, storedUnit);
        return new TablePosition(converted, count);
    }
}
