package com.taosdata.kafka.connect.sink.config;

import java.util.List;

import com.taosdata.kafka.connect.schemas.StringType;

/**
 * The keys of {@code write.method=stmt}, read once.
 *
 * @param tableNameFormat      the super table's name, with {@code ${topic}}
 * @param childTableNameFormat the child table's name with field placeholders, or {@code null} for hashed names
 * @param tags                 field paths written as tags
 * @param timestampField       field path of the row timestamp, or {@code null} for the Kafka timestamp
 * @param stringLength         the length of string and bytes columns the sink creates
 */
public record TypedWriteOptions(String tableNameFormat, String childTableNameFormat, List<String> tags,
                                String timestampField, boolean autoCreate, boolean autoEvolve, StringType stringType,
                                int stringLength) {

    public TypedWriteOptions {
        tags = List.copyOf(tags);
    }
}
