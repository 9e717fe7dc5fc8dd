package com.taosdata.kafka.connect.transforms;

import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.config.EncodingConfigDef;
import com.taosdata.kafka.connect.transforms.config.OutputProtocol;
import com.taosdata.kafka.connect.transforms.encode.PointEncoder;
import com.taosdata.kafka.connect.transforms.encode.TelnetEncoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Replaces a Struct or Map key/value with
 * OpenTSDB telnet lines, one per field, joined by a line feed ({@code db.schemaless=telnet}).
 * Use {@link Key} or {@link Value}.
 */
public abstract class ToTelnet<R extends ConnectRecord<R>> extends EncodingTransformation<R> {

    public static final String OVERVIEW_DOC = "Replaces a Struct or Map with"
            + " OpenTSDB telnet lines, one per field, joined by a line feed (db.schemaless=telnet);"
            + " use the concrete transformation type for the record key (<code>" + ToTelnet.class.getName()
            + "$Key</code>) or value"
            + " (<code>" + ToTelnet.class.getName() + "$Value</code>).";

    public static final ConfigDef CONFIG_DEF = EncodingConfigDef.build(OutputProtocol.TELNET);

    ToTelnet(RecordPart part) {
        super(part);
    }

    @Override
    PointEncoder newEncoder(EncodingConfig config) {
        return new TelnetEncoder(config.renderOptions(), config.fieldSeparator());
    }

    @Override
    ConfigDef configDef() {
        return CONFIG_DEF;
    }

    /** Encodes the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ToTelnet<R> {
        public Key() {
            super(RecordPart.KEY);
        }
    }

    /** Encodes the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ToTelnet<R> {
        public Value() {
            super(RecordPart.VALUE);
        }
    }
}
