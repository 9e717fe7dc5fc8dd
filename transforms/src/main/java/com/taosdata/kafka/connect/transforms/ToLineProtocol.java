package com.taosdata.kafka.connect.transforms;

import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.config.EncodingConfigDef;
import com.taosdata.kafka.connect.transforms.config.OutputProtocol;
import com.taosdata.kafka.connect.transforms.encode.LineProtocolEncoder;
import com.taosdata.kafka.connect.transforms.encode.PointEncoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Replaces a Struct or Map key/value with
 * one InfluxDB line-protocol line as TDengine's schemaless writer reads it ({@code db.schemaless=line}).
 * Use {@link Key} or {@link Value}.
 *
 * <p>A string field value keeps its line feeds and carriage returns, raw inside its quotes (TDengine has no escape
 * for them), so a reader must split lines only outside quotes, as the sink does. TDengine stores a line feed there
 * only over a native connection; the sink rejects such a record over WebSocket and REST, naming the field. A line
 * break in the measurement, a tag or a key has no line form and is a data error here.
 */
public abstract class ToLineProtocol<R extends ConnectRecord<R>> extends EncodingTransformation<R> {

    public static final String OVERVIEW_DOC = "Replaces a Struct or Map with"
            + " one InfluxDB line-protocol line as TDengine's schemaless writer reads it (db.schemaless=line);"
            + " use the concrete transformation type for the record key (<code>" + ToLineProtocol.class.getName()
            + "$Key</code>) or value"
            + " (<code>" + ToLineProtocol.class.getName() + "$Value</code>).";

    public static final ConfigDef CONFIG_DEF = EncodingConfigDef.build(OutputProtocol.LINE);

    ToLineProtocol(RecordPart part) {
        super(part);
    }

    @Override
    PointEncoder newEncoder(EncodingConfig config) {
        return new LineProtocolEncoder(config.renderOptions());
    }

    @Override
    ConfigDef configDef() {
        return CONFIG_DEF;
    }

    /** Encodes the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ToLineProtocol<R> {
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /** Encodes the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ToLineProtocol<R> {
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
