package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DriverRowDeserializerTest {

    private final DriverRowDeserializer deserializer = new DriverRowDeserializer();

    /** A result set positioned on one row with these labels and values. */
    private static ResultSet row(String[] labels, Object... values) throws SQLException {
        ResultSet data = mock(ResultSet.class);
        ResultSetMetaData metadata = mock(ResultSetMetaData.class);
        when(data.getMetaData()).thenReturn(metadata);
        when(metadata.getColumnCount()).thenReturn(labels.length);
        for (int i = 0; i < labels.length; i++) {
            when(metadata.getColumnLabel(i + 1)).thenReturn(labels[i]);
            when(data.getObject(i + 1)).thenReturn(values[i]);
        }
        return data;
    }

    @Test
    void aRowIsItsValuesInColumnOrderWithTheirLabels() throws Exception {
        DriverRow row = deserializer.deserialize(row(new String[] {"tbname", "ts", "v"}, "d1", 1000L, 5), "t", "db");

        assertThat(row.labels()).containsExactly("tbname", "ts", "v");
        assertThat(row.values()).containsExactly("d1", 1000L, 5);
    }

    @Test
    void rowsWithTheSameColumnsShareOneLabelsArray() throws Exception {
        DriverRow first = deserializer.deserialize(row(new String[] {"ts", "v"}, 1000L, 5), "t", "db");
        DriverRow second = deserializer.deserialize(row(new String[] {"ts", "v"}, 2000L, 6), "t", "db");

        assertThat(second.labels()).isSameAs(first.labels());
        assertThat(second.values()).containsExactly(2000L, 6);
    }

    @Test
    void rowsWithOtherColumnsGetTheirOwnLabels() throws Exception {
        DriverRow first = deserializer.deserialize(row(new String[] {"ts", "v"}, 1000L, 5), "t", "db");
        DriverRow renamed = deserializer.deserialize(row(new String[] {"ts", "w"}, 2000L, 6), "u", "db");
        DriverRow wider = deserializer.deserialize(row(new String[] {"ts", "w", "x"}, 3000L, 7, 8), "u", "db");

        assertThat(renamed.labels()).containsExactly("ts", "w");
        assertThat(wider.labels()).containsExactly("ts", "w", "x");
        assertThat(first.labels()).containsExactly("ts", "v");
    }
}
