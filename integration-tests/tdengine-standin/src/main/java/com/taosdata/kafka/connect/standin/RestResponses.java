package com.taosdata.kafka.connect.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON bodies of {@code /rest/sql}, as the REST API doc ("HTTP Return Format") shows them: a result set as
 * {@code code}, {@code column_meta}, {@code data}, {@code rows}; a write as a single {@code affected_rows}
 * column; an error as {@code code} (masked to 16 bits, as taosAdapter sends it) and {@code desc}.
 */
public final class RestResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestResponses() {}

    public static ObjectMapper json() {
        return JSON;
    }

    public static String result(QueryResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("code", 0);
        ArrayNode meta = root.putArray("column_meta");
        ArrayNode data = root.putArray("data");
        if (!result.isResultSet()) {
            meta.addArray().add("affected_rows").add("INT").add(4);
            data.addArray().add(result.affectedRows());
            root.put("rows", 1);
            return write(root);
        }
        for (Column c : result.columns()) {
            meta.addArray().add(c.name()).add(c.restType()).add(c.restLength());
        }
        for (List<Object> row : result.rows()) {
            ArrayNode out = data.addArray();
            for (int i = 0; i < row.size(); i++) {
                addValue(out, result.columns().get(i).type(), row.get(i), result.precision());
            }
        }
        root.put("rows", result.rows().size());
        return write(root);
    }

    private static void addValue(ArrayNode out, ColumnType type, Object value, DatabasePrecision precision) {
        if (value == null) {
            out.addNull();
        } else if (type == ColumnType.TIMESTAMP) {
            out.add(precision.format(((Number) value).longValue()));
        } else if (value instanceof Boolean b) {
            out.add(b);
        } else if (value instanceof Float f) {
            out.add(f);
        } else if (value instanceof Double d) {
            out.add(d);
        } else if (value instanceof BigDecimal big) {
            out.add(big);
        } else if (value instanceof Number n) {
            out.add(n.longValue());
        } else {
            out.add(value.toString());
        }
    }

    public static String error(ServerErrorException e) {
        return error(e.error().restCode(), e.desc());
    }

    public static String error(int code, String desc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("code", code);
        root.put("desc", desc);
        return write(root);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
