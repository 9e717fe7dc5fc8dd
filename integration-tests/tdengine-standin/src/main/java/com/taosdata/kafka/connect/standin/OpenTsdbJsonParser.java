package com.taosdata.kafka.connect.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses OpenTSDB JSON, one object or an array of {@code {"metric","timestamp","value","tags"}}, as TDengine's
 * schemaless writer reads it: numbers are DOUBLE, booleans BOOL, strings VARCHAR (tags too, facts note), and a
 * value or timestamp may be an object {@code {"value": …, "type": …}}. A numeric timestamp's unit follows its
 * digit count as in the telnet protocol (10 seconds, 13 milliseconds); 0 means now.
 */
public final class OpenTsdbJsonParser {
    private OpenTsdbJsonParser() {}

    public static List<SmlPoint> parse(String body) {
        JsonNode root;
        try {
            root = RestResponses.json().readTree(body);
        } catch (JsonProcessingException e) {
            throw ServerError.TSC_INVALID_JSON.error();
        }
        if (root == null || !(root.isObject() || root.isArray()) || (root.isArray() && root.isEmpty())) {
            throw ServerError.TSC_INVALID_JSON.error();
        }
        List<SmlPoint> points = new ArrayList<>();
        if (root.isObject()) {
            points.add(point(root));
        } else {
            for (JsonNode node : root) {
                points.add(point(node));
            }
        }
        return points;
    }

    private static SmlPoint point(JsonNode node) {
        JsonNode metric = node.get("metric");
        JsonNode timestamp = node.get("timestamp");
        JsonNode value = node.get("value");
        JsonNode tags = node.get("tags");
        if (metric == null
                || !metric.isTextual()
                || metric.asText().isEmpty()
                || timestamp == null
                || value == null
                || (tags != null && !tags.isObject())) {
            throw invalid(node);
        }
        Map<String, SmlValue> tagValues = new LinkedHashMap<>();
        if (tags != null) {
            Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> tag = it.next();
                tagValues.put(tag.getKey(), value(tag.getValue()));
            }
        }
        Map<String, SmlValue> fields = new LinkedHashMap<>();
        fields.put(SmlPointApplier.VALUE_COLUMN, value(value));
        long unit;
        long raw;
        if (timestamp.isObject()) {
            raw = timestamp.path("value").asLong();
            unit = switch (timestamp.path("type").asText()) {
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us" -> 1_000L;
                case "ns" -> 1L;
                default -> throw invalid(node);
            };
        } else if (timestamp.isIntegralNumber()) {
            raw = timestamp.asLong();
            unit = TelnetParser.nanosPerUnitByDigits(Long.toString(raw));
        } else {
            throw invalid(node);
        }
        return new SmlPoint(metric.asText(), tagValues, fields, raw == 0 ? null : BigInteger.valueOf(raw), unit);
    }

    private static SmlValue value(JsonNode node) {
        if (node.isBoolean()) {
            return SmlValue.fixed(ColumnType.BOOL, node.asBoolean());
        }
        if (node.isNumber()) {
            return SmlValue.fixed(ColumnType.DOUBLE, node.asDouble());
        }
        if (node.isTextual()) {
            return SmlValue.varchar(node.asText());
        }
        if (node.isObject() && node.has("value") && node.has("type")) {
            return typed(node.get("value"), node.get("type").asText());
        }
        throw invalid(node);
    }

    private static SmlValue typed(JsonNode value, String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "bool" -> SmlValue.fixed(ColumnType.BOOL, value.asBoolean());
            case "tinyint" -> SmlFieldValues.unquoted(value.asText() + "i8");
            case "smallint" -> SmlFieldValues.unquoted(value.asText() + "i16");
            case "int" -> SmlFieldValues.unquoted(value.asText() + "i32");
            case "bigint" -> SmlFieldValues.unquoted(value.asText() + "i64");
            case "float" -> SmlValue.fixed(ColumnType.FLOAT, (float) value.asDouble());
            case "double" -> SmlValue.fixed(ColumnType.DOUBLE, value.asDouble());
            case "binary", "varchar" -> SmlValue.varchar(value.asText());
            case "nchar" -> SmlValue.nchar(value.asText());
            default -> throw invalid(value);
        };
    }

    private static ServerErrorException invalid(JsonNode node) {
        return ServerError.SML_INVALID_DATA.error("Invalid data format: " + node);
    }
}
