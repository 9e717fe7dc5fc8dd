package com.taosdata.kafka.connect.sink.table;

/** A column or tag of a super table, named as TDengine stores it. */
public record StableColumn(String name, ColumnType type, boolean tag) {

    public String kind() {
        return tag ? "tag" : "column";
    }

    @Override
    public String toString() {
        return kind() + " " + name + " " + type.sql();
    }
}
