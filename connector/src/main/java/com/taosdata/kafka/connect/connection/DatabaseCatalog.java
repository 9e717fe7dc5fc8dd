package com.taosdata.kafka.connect.connection;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** What the server's catalogue ({@code information_schema.ins_databases}) says about a database. */
public final class DatabaseCatalog {

    private static final ConfigEnum.Values<TimestampUnit> PRECISIONS = ConfigEnum.of(TimestampUnit.precisions());

    private DatabaseCatalog() {}

    static String precisionSql(String database) {
        return "SELECT `precision` FROM information_schema.ins_databases WHERE name = " + Identifiers.literal(database);
    }

    /** The precision of {@code database}, or empty when there is no such database. */
    public static Optional<TimestampUnit> precision(Connection connection, String database) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(precisionSql(database))) {
            return rows.next() ? Optional.of(PRECISIONS.parse("precision", rows.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading the precision of database " + database, e);
        }
    }

    /** The precision of {@code database}, which must exist: its absence fails with TDengine's own code. */
    public static TimestampUnit existingPrecision(Connection connection, String database) {
        return precision(connection, database)
                .orElseThrow(() -> new TDengineException(
                        ErrorCodes.DB_NOT_EXIST, ErrorKind.FATAL, "database " + database + " does not exist", null));
    }
}
