package com.taosdata.kafka.connect.transforms;

import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.config.EncodingConfigDef;
import com.taosdata.kafka.connect.transforms.config.OutputProtocol;
import com.taosdata.kafka.connect.transforms.encode.OpenTsdbJsonEncoder;
import com.taosdata.kafka.connect.transforms.encode.PointEncoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Replaces a Struct or Map key/value with
 * an OpenTSDB JSON array with one object per field ({@code db.schemaless=json}).
 * Use {@link Key} or {@link Value}.
 */
public abstract class ToOpenTsdbJson<R extends ConnectRecord<R>> extends EncodingTransformation<R> {

    public static final String OVERVIEW_DOC = "Replaces a Struct or Map with"
            + " an OpenTSDB JSON array with one object per field (db.schemaless=json);"
            + " use the concrete transformation type for the record key (<code>" + ToOpenTsdbJson.class.getName()
            + "$Key</code>) or value"
            + " (<code>" + ToOpenTsdbJson.class.getName() + "$Value</code>).";

    public static final ConfigDef CONFIG_DEF = EncodingConfigDef.build(OutputProtocol.JSON);

    ToOpenTsdbJson(RecordPart part) {
        super(part);
    }

    @Override
    PointEncoder newEncoder(EncodingConfig config) {
        return new OpenTsdbJsonEncoder(config.renderOptions(), config.fieldSeparator());
    }

    @Override
    ConfigDef configDef() {
        return CONFIG_DEF;
    }

    /** Encodes the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ToOpenTsdbJson<R> {
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /** Encodes the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ToOpenTsdbJson<R> {
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
