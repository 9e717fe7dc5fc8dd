package com.taosdata.kafka.connect.source.tmq;

/**
 * One row of a TMQ message as the driver hands it over: its values in the message's column order, and the column
 * labels, one array shared by every row with the same columns (so a reader can map columns once per array).
 */
public record DriverRow(String[] labels, Object[] values) {}
