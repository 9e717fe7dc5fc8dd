package com.taosdata.kafka.connect.sink.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bundled encoding SMTs ({@code ToLineProtocol$Value}, {@code ToTelnet$Value}, {@code ToOpenTsdbJson$Value}) in
 * a connector's {@code transforms} chain, read from the config by class name: the connector never loads them, as
 * the worker may give the SMTs their own class loader.
 */
public final class TransformChain {

    private static final String TABLE_NAME_FIELD = "table.name.field";
    private static final String FIELD_SEPARATOR = "field.separator";
    private static final String DEFAULT_SEPARATOR = "_";

    /** One encoding SMT of the chain, with the tag its {@code table.name.field} writes (or {@code null}). */
    record Encoder(String alias, String type, SchemalessProtocol protocol, String tableNameTag) {

        /** The class name without its package, as users recognise it. */
        String simpleName() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private TransformChain() {}

    /** The encoding SMTs that replace the record value, in chain order. */
    static List<Encoder> valueEncoders(Map<String, String> props) {
        String transforms = props.get("transforms");
        List<Encoder> encoders = new ArrayList<>();
        if (transforms == null || transforms.isBlank()) {
            return encoders;
        }
        for (String alias : Arrays.stream(transforms.split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .toList()) {
            String prefix = "transforms." + alias + ".";
            String type = props.get(prefix + "type");
            if (type == null) {
                continue;
            }
            for (SchemalessProtocol protocol : SchemalessProtocol.values()) {
                if (protocol.transformClass().equals(type.strip())) {
                    encoders.add(new Encoder(alias, type.strip(), protocol, tableNameTag(props, prefix)));
                }
            }
        }
        return encoders;
    }

    /** The tag key the SMT writes for {@code table.name.field}: the field path's names joined by the separator. */
    private static String tableNameTag(Map<String, String> props, String prefix) {
        String field = props.get(prefix + TABLE_NAME_FIELD);
        if (field == null || field.isBlank()) {
            return null;
        }
        String separator = props.get(prefix + FIELD_SEPARATOR);
        return field.trim().replace(".", separator == null || separator.isEmpty() ? DEFAULT_SEPARATOR : separator);
    }
}
