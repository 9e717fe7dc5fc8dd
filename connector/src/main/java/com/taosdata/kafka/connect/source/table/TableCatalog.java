package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.naming.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists what the source database holds. Sends {@code SHOW `db`.STABLES} and
 * {@code SELECT table_name, stable_name FROM information_schema.ins_tables WHERE db_name = 'db'}: SHOW TABLES does
 * not say which super table a subtable belongs to.
 */
public final class TableCatalog {

    private final String database;

    public TableCatalog(String database) {
        this.database = database;
    }

    public DatabaseContents read(Connection connection) {
        return new DatabaseContents(stables(connection), tables(connection));
    }

    public String stablesSql() {
        return "SHOW " + Identifiers.quote(database) + ".STABLES";
    }

    public String tablesSql() {
        return "SELECT table_name, stable_name FROM information_schema.ins_tables WHERE db_name = "
                + Identifiers.literal(database);
    }

    private List<String> stables(Connection connection) {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(stablesSql())) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("listing the super tables of " + database, e);
        }
        return names;
    }

    private List<SourceTable> tables(Connection connection) {
        List<SourceTable> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(tablesSql())) {
            while (rows.next()) {
                String stable = rows.getString(2);
                tables.add(new SourceTable(rows.getString(1), stable == null || stable.isEmpty() ? null : stable));
            }
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("listing the tables of " + database, e);
        }
        return tables;
    }
}
