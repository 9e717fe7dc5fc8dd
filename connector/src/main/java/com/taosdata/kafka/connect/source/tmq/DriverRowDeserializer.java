package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.jdbc.tmq.Deserializer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * taos-jdbcdriver's TMQ value deserializer for subscription mode: a row as an array of values, where the driver's own
 * {@code MapDeserializer} built a hash map per row, which the reader then searched by column name (a JFR profile of
 * the task thread found much of its time in that map traffic; docs/benchmarks.md). The driver creates it by class name.
 */
public final class DriverRowDeserializer implements Deserializer<DriverRow> {

    private String[] labels = new String[0];

    @Override
    public DriverRow deserialize(ResultSet data, String topic, String database) throws SQLException {
        ResultSetMetaData metadata = data.getMetaData();
        int count = metadata.getColumnCount();
        if (!sameLabels(metadata, count)) {
            String[] current = new String[count];
            for (int i = 0; i < count; i++) {
                current[i] = metadata.getColumnLabel(i + 1);
            }
            labels = current;
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.getObject(i + 1);
        }
        return new DriverRow(labels, values);
    }

    /** Whether the message's columns are those of the previous row: the usual case, checked without allocating. */
    private boolean sameLabels(ResultSetMetaData metadata, int count) throws SQLException {
        if (labels.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!labels[i].equals(metadata.getColumnLabel(i + 1))) {
                return false;
            }
        }
        return true;
    }
}
