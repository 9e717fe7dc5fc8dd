package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** The schemaless protocols TDengine accepts, named as the tutorial's {@code db.schemaless} key spells them. */
public enum SchemalessProtocol implements ConfigEnum.Named {
    LINE("line", "ToLineProtocol"),
    TELNET("telnet", "ToTelnet"),
    JSON("json", "ToOpenTsdbJson");

    private final String value;
    private final String transform;

    SchemalessProtocol(String value, String transform) {
        this.value = value;
        this.transform = transform;
    }

    @Override
    public String configValue() {
        return value;
    }

    /** The SMT that turns structured records into this protocol, for error messages that tell users what to add. */
    public String transformClass() {
        return "com.taosdata.kafka.connect.transforms." + transform + "$Value";
    }
}
