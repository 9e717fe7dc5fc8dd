package com.taosdata.kafka.connect.sink.record;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * {@code timestamp.missing=record}: a line-protocol line without a timestamp gets its record's Kafka timestamp,
 * converted to {@code data.precision}, where TDengine reads a timestamp: right after the field set (see
 * {@link LineProtocolScan}). Lines with a timestamp, comments and lines without a complete field set are left as
 * they are. A line ending in its timestamp is recognised from its end; only one that lacks a timestamp is scanned
 * and copied.
 */
final class RecordTimestamps {

    private static final String KEY = "timestamp.missing";

    private final TimestampUnit precision;

    RecordTimestamps(TimestampUnit precision) {
        this.precision = precision;
    }

    /**
     * Stamps, in place, the lines of {@code record} that lack a timestamp.
     *
     * @throws DataException naming the record when a line lacks a timestamp and the record has none to give it
     */
    void stamp(SinkRecord record, List<String> lines) {
        String timestamp = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = LineProtocolScan.timestampMissingAt(line);
            if (at >= 0) {
                if (timestamp == null) {
                    timestamp = timestamp(record);
                }
                lines.set(i, line.substring(0, at) + ' ' + timestamp + line.substring(at));
            }
        }
    }

    private String timestamp(SinkRecord record) {
        Long millis = record.timestamp();
        if (millis == null) {
            throw PayloadDecoder.error(
                    record,
                    "a line has no timestamp and the record has no Kafka timestamp to give"
                            + " it (" + KEY + "=record); give the record a timestamp, or set " + KEY
                            + "=server to write such"
                            + " lines at TDengine's time");
        }
        if (millis <= 0) {
            // TDengine reads a timestamp 0 as its own clock, and rejects negative ones.
            throw PayloadDecoder.error(
                    record,
                    "a line has no timestamp and the record's Kafka timestamp " + millis
                            + " (" + Instant.ofEpochMilli(millis) + ") cannot stand in for it (" + KEY
                            + "=record): TDengine"
                            + " takes only timestamps after 1970-01-01T00:00:00Z");
        }
        try {
            return Long.toString(precision.fromMillis(millis));
        } catch (ArithmeticException e) {
            throw PayloadDecoder.error(
                    record,
                    "a line has no timestamp and the record's Kafka timestamp " + millis
                            + " (" + Instant.ofEpochMilli(millis) + ") does not fit data.precision="
                            + precision.configValue()
                            + " (" + KEY + "=record)");
        }
    }
}
