package com.taosdata.kafka.connect.standin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Runs a translated {@code SELECT} on H2 and turns the result back into TDengine terms: a column read straight
 * from a table keeps its TDengine type (so TIMESTAMP ticks are formatted and NCHAR stays NCHAR); computed
 * columns get the TDengine type of their H2 type. H2's complaints become TDengine error codes.
 */
public final class QueryRunner {
    private final H2Store h2;
    private final SqlTranslator translator;

    public QueryRunner(H2Store h2, SqlTranslator translator) {
        this.h2 = h2;
        this.translator = translator;
    }

    public QueryResult select(String sql, List<Token> tokens, String defaultDb) {
        SqlTranslator.Translation translation = translator.translate(sql, tokens, defaultDb);
        try (Connection c = h2.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(translation.h2Sql())) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Column column = describe(md, i, translation.table());
                if (translation.timestampOutputs().contains(i - 1)) {
                    column = new Column(column.name(), ColumnType.TIMESTAMP, 8);
                }
                columns.add(column);
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(convert(rs.getObject(i + 1), columns.get(i)));
                }
                rows.add(row);
            }
            return new QueryResult(widenComputed(columns, rows), rows, translation.precision(), 0);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static Column describe(ResultSetMetaData md, int i, TableDef table) throws SQLException {
        String label = md.getColumnLabel(i);
        String base = md.getColumnName(i);
        if (table != null && table.storage().name().equals(md.getTableName(i))) {
            if (TableDef.TBNAME.equals(base)) {
                return new Column(label, ColumnType.VARCHAR, 192);
            }
            Optional<Column> column = table.find(base);
            if (column.isPresent()) {
                Column c = column.get();
                return new Column(label, c.type(), c.length(), c.scale());
            }
        }
        ColumnType type = switch (md.getColumnType(i)) {
            case Types.BOOLEAN -> ColumnType.BOOL;
            case Types.TINYINT -> ColumnType.TINYINT;
            case Types.SMALLINT -> ColumnType.SMALLINT;
            case Types.INTEGER -> ColumnType.INT;
            case Types.BIGINT -> ColumnType.BIGINT;
            case Types.REAL, Types.FLOAT -> ColumnType.FLOAT;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> ColumnType.VARCHAR;
            case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnType.VARBINARY;
            default -> ColumnType.DOUBLE;
        };
        return new Column(label, type, type.isVariable() ? 0 : type.fixedLength());
    }

    /** Computed VARCHAR columns report the longest value's length, as a fixed declared length is unknown. */
    private static List<Column> widenComputed(List<Column> columns, List<List<Object>> rows) {
        List<Column> result = new ArrayList<>(columns);
        for (int i = 0; i < result.size(); i++) {
            Column c = result.get(i);
            if (c.type().isVariable() && c.length() == 0) {
                int max = 0;
                for (List<Object> row : rows) {
                    Object v = row.get(i);
                    max = Math.max(max, v == null ? 0 : v.toString().length());
                }
                result.set(i, c.withLength(max));
            }
        }
        return result;
    }

    /**
     * Values as taosAdapter writes them into JSON ({@code JsonWriteRawBlock}): VARBINARY as lowercase hexadecimal
     * without a prefix, DECIMAL as a string with exactly its scale's digits.
     */
    private static Object convert(Object value, Column column) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case TIMESTAMP, BIGINT, UINT, TINYINT, SMALLINT, INT, UTINYINT, USMALLINT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
            case UBIGINT -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
            case BOOL -> value;
            case VARCHAR, NCHAR -> value.toString();
            case VARBINARY -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
            case DECIMAL ->
                new BigDecimal(value.toString())
                        .setScale(column.scale(), RoundingMode.HALF_UP)
                        .toPlainString();
        };
    }

    /** Maps H2 error codes (org.h2.api.ErrorCode) to the TDengine errors a real server gives for the same mistake. */
    static ServerErrorException translate(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
        return switch (e.getErrorCode()) {
            case 42122 -> ServerError.PAR_INVALID_COLUMN.error("Invalid column name: " + message);
            case 42102, 42104 -> ServerError.PAR_TABLE_NOT_EXIST.error();
            case 90022 -> ServerError.PAR_SYNTAX_ERROR.error("Invalid function name: " + message);
            default -> ServerError.PAR_SYNTAX_ERROR.error("syntax error near \"" + message + "\"");
        };
    }
}
