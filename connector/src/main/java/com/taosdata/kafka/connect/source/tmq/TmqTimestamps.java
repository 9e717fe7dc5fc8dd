package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.sql.Timestamp;

/**
 * Undoes a misread of TMQ over JNI: in a microsecond or nanosecond database, taos-jdbcdriver 3.7.3's JNI consumer
 * builds a timestamp's {@code Timestamp} from the stored count as if it were milliseconds (seen on 3.3.6.13:
 * 1700000000000000000 ns arrived as the year 53872825; over WebSocket the same row is right). Such a value lies past
 * the year 9999, where no timestamp of a us or ns database does, and its {@code getTime()} is the count itself.
 */
final class TmqTimestamps {

    /** 9999-12-31T23:59:59.999Z in milliseconds. */
    static final long LAST_MILLISECOND_OF_9999 = 253_402_300_799_999L;

    private TmqTimestamps() {}

    /** {@code value} as the driver gave it, or the count in {@code precision} a misread Timestamp holds. */
    static Object repair(Object value, TimestampUnit precision) {
        if (precision == TimestampUnit.MS || !(value instanceof Timestamp)) {
            return value;
        }
        long millis = ((Timestamp) value).getTime();
        return millis > LAST_MILLISECOND_OF_9999 ? (Object) millis : value;
    }
}
