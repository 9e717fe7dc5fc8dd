package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.config.EncodingConfigDef;
import com.taosdata.kafka.connect.transforms.config.OutputProtocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of {@code write.method=stmt}, read once.
 *
 * @param tableNameFormat      the super table's name, with {@code ${topic}}
 * @param childTableNameFormat the child table's name with field placeholders, or {@code null} for hashed names
 * @param tags                 field paths written as tags
 * @param timestampField       field path of the row timestamp, or {@code null} for the Kafka timestamp
 * @param stringLength         the length of string and bytes columns the sink creates
 */
public record TypedWriteOptions(
        String tableNameFormat,
        String childTableNameFormat,
        List<String> tags,
        String timestampField,
        boolean autoCreate,
        boolean autoEvolve,
        StringType stringType,
        int stringLength) {

    public TypedWriteOptions {
        tags = List.copyOf(tags);
    }

    /**
     * The encoding SMTs' configuration that takes records apart as these options say: the same flattening rule for
     * the SMTs and typed writes. A number in {@code timestamp.field} counts in {@code precision}.
     *
     * @throws org.apache.kafka.common.config.ConfigException for a tag or timestamp path that is no field path, naming
     *                                                        the key
     */
    public EncodingConfig encodingConfig(TimestampUnit precision) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncodingConfigDef.TAGS, tags);
        if (timestampField != null) {
            settings.put(EncodingConfigDef.TIMESTAMP_FIELD, timestampField);
        }
        settings.put(EncodingConfigDef.TIMESTAMP_UNIT, precision.configValue());
        settings.put(EncodingConfigDef.PRECISION, precision.configValue());
        return new EncodingConfig(EncodingConfigDef.build(OutputProtocol.LINE), settings);
    }
}
