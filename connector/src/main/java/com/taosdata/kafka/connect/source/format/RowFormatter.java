package com.taosdata.kafka.connect.source.format;

/** Turns a row into the value of a Kafka record, per {@code out.format}. Used by one reading thread at a time. */
public interface RowFormatter {

    /**
     * @throws org.apache.kafka.connect.errors.DataException when the row cannot be represented in this format
     */
    FormattedValue format(Row row);
}
