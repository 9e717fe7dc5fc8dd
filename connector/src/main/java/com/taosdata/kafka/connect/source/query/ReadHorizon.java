package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.ConnectSchemaMapping;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.format.DriverValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * How far query mode reads: the newest row timestamp a step may read, which no window's upper bound, and so no
 * table's position, ever passes. Without {@code timestamp.delay.interval.ms} that is now on the worker's clock.
 * With a delay it is TDengine's {@code NOW()} minus the delay, so a row that arrives less than the delay after its
 * timestamp is still ahead of its table's position when it becomes visible, and is read exactly once.
 *
 * <p>TDengine's clock, not the worker's: whether a row was visible to a query is decided on the server, so "less
 * than the delay late" is measured on the server's clock, the same one for every worker; a worker whose clock runs
 * ahead by more than the delay would otherwise read past rows still to arrive. The clock is read once per round of
 * the reader ({@link #newRound}), before its queries: a reading taken before a query is never later than the query's
 * own {@code NOW()}, so the bound only errs towards reading a row a little later.
 */
public final class ReadHorizon {

    private static final String SERVER_NOW = "SELECT NOW()";
    private static final TdengineColumnType TIMESTAMP = TdengineColumnType.of(TdengineType.TIMESTAMP);

    private final long delayMs;
    private Long serverNowMs;

    /** @param delayMs {@code timestamp.delay.interval.ms}; 0 reads up to the worker's now */
    public ReadHorizon(long delayMs) {
        this.delayMs = delayMs;
    }

    /** A new round of steps: the next step reads TDengine's clock again. */
    public void newRound() {
        serverNowMs = null;
    }

    /** The newest row timestamp (epoch milliseconds, inclusive) a step at {@code nowMs} on the worker's clock may read. */
    public long untilMs(Connection connection, long nowMs) {
        if (delayMs == 0) {
            return nowMs;
        }
        if (serverNowMs == null) {
            serverNowMs = serverNowMs(connection);
        }
        return serverNowMs - delayMs;
    }

    /** TDengine's {@code NOW()}: a millisecond timestamp in every database (3.3.6.13, also in a microsecond one). */
    private static long serverNowMs(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(SERVER_NOW)) {
            if (!result.next()) {
                throw new ConnectException("TDengine answered " + SERVER_NOW + " with no row");
            }
            Object value = ConnectSchemaMapping.toConnect(
                    TIMESTAMP, DriverValues.normalize(result.getObject(1)), TimestampUnit.MS);
            return ((Date) value).getTime();
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading TDengine's clock (" + SERVER_NOW + ")", e);
        }
    }
}
