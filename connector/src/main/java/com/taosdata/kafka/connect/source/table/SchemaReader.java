package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a table's columns with {@code DESCRIBE `db`.`table`} (columns: field, type, length, note). */
public final class SchemaReader {

    private static final Logger log = LoggerFactory.getLogger(SchemaReader.class);

    /** Types whose DESCRIBE length is a declared size; for the others it is the storage width. */
    private static final Set<TdengineType> SIZED = EnumSet.of(
            TdengineType.VARCHAR,
            TdengineType.BINARY,
            TdengineType.NCHAR,
            TdengineType.VARBINARY,
            TdengineType.GEOMETRY);

    private final String database;

    public SchemaReader(String database) {
        this.database = database;
    }

    public String describeSql(String table) {
        return "DESCRIBE " + Identifiers.quote(database) + "." + Identifiers.quote(table);
    }

    /**
     * The columns of {@code table}'s super table (its subtables share them) or of the table itself, or empty when that
     * table was dropped since it was listed.
     */
    public Optional<TableSchema> describeUnlessDropped(
            TDengineSession session, RetryPolicy retry, SourceTable table, TimestampUnit precision) {
        SourceTable described = table.stable() == null ? table : SourceTable.superTable(table.stable());
        try {
            return Optional.of(retry.call(
                    "describing " + described.name(),
                    () -> session.call(connection -> describe(connection, described, precision))));
        } catch (TDengineException e) {
            if (!ErrorCodes.isTableGone(e.code())) {
                throw e;
            }
            log.warn("{} was dropped since it was listed; skipping it ({})", described.name(), e.getMessage());
            return Optional.empty();
        }
    }

    public TableSchema describe(Connection connection, SourceTable table, TimestampUnit precision) {
        List<ColumnDef> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(describeSql(table.name()))) {
            while (rows.next()) {
                String name = rows.getString(1);
                String note = rows.getString(4);
                columns.add(new ColumnDef(
                        name,
                        columnType(table, name, rows.getString(2), rows.getInt(3)),
                        role(columns.isEmpty(), note)));
            }
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("describing " + database + "." + table.name(), e);
        }
        if (columns.isEmpty()) {
            throw new ConnectException("DESCRIBE returned no columns for " + database + "." + table.name());
        }
        return new TableSchema(database, table.measurement(), precision, columns);
    }

    static ColumnDef.Role role(boolean first, String note) {
        String upper = note == null ? "" : note.trim().toUpperCase(Locale.ROOT);
        if (first) {
            return ColumnDef.Role.TIMESTAMP;
        }
        if (upper.equals("TAG")) {
            return ColumnDef.Role.TAG;
        }
        // TDengine 3.3 marks the second column of a composite primary key with "COMPOSITE KEY" (or "PRIMARY KEY").
        return upper.contains("KEY") ? ColumnDef.Role.PRIMARY_KEY : ColumnDef.Role.COLUMN;
    }

    private TdengineColumnType columnType(SourceTable table, String column, String typeText, int length) {
        try {
            TdengineColumnType parsed = TdengineColumnType.parse(typeText);
            if (parsed.length() > 0 || !SIZED.contains(parsed.type())) {
                return parsed;
            }
            return new TdengineColumnType(parsed.type(), length, 0, 0);
        } catch (IllegalArgumentException e) {
            throw new ConnectException(
                    "column " + column + " of " + database + "." + table.name() + " has type " + typeText
                            + ", which this connector cannot read",
                    e);
        }
    }
}
