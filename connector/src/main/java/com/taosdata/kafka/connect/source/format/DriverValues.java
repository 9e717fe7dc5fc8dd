package com.taosdata.kafka.connect.source.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evens out what the drivers' {@code getObject} returns. taos-jdbcdriver's REST result set hands unsigned integers
 * over as Jackson nodes rather than numbers; they are unwrapped here so the type mapping sees plain Java values.
 */
public final class DriverValues {

    private DriverValues() {}

    public static Object normalize(Object value) {
        if (!(value instanceof JsonNode)) {
            return value;
        }
        JsonNode node = (JsonNode) value;
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
