package com.taosdata.kafka.connect.cli.fake;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** An SMT whose ConfigDef passes but whose configure() rejects a combination, like a cross-field check. */
public class FakeTransformation<R extends ConnectRecord<R>> implements Transformation<R> {

    @Override
    public void configure(Map<String, ?> configs) {
        if (!"b".equals(configs.get("mode")) && configs.containsKey("b.only")) {
            throw new ConfigException("b.only is only allowed with mode=b");
        }
    }

    @Override
    public R apply(R record) {
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("mode", Type.STRING, "a", ConfigDef.ValidString.in("a", "b"), Importance.HIGH, "mode")
                .define("b.only", Type.STRING, null, Importance.LOW, "only with b");
    }

    @Override
    public void close() {}
}
