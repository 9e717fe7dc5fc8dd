package com.taosdata.kafka.connect.source.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Spreads tables over tasks and carries each task's share in its config. Tables go round-robin in sorted order, so
 * the subtables of one super table spread evenly; the list travels as JSON because TDengine names may contain
 * commas.
 */
public final class TableAssignment {

    /** Task config key holding the task's tables. Internal: not part of the connector's ConfigDef. */
    public static final String TASK_TABLES_CONFIG = "task.tables";
    /** Task config key holding the task's number, for logs and TMQ client ids. */
    public static final String TASK_ID_CONFIG = "task.id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> LIST = new TypeReference<>() {};

    private TableAssignment() {}

    /** At most {@code maxTasks} non-empty groups; none when there are no tables. */
    public static List<List<SourceTable>> spread(List<SourceTable> tables, int maxTasks) {
        List<SourceTable> sorted = tables.stream().sorted().toList();
        int groups = Math.min(maxTasks, sorted.size());
        List<List<SourceTable>> result = new ArrayList<>(groups);
        for (int i = 0; i < groups; i++) {
            result.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            result.get(i % groups).add(sorted.get(i));
        }
        return result;
    }

    public static String encode(List<SourceTable> tables) {
        List<Map<String, String>> entries = new ArrayList<>(tables.size());
        for (SourceTable table : tables) {
            // Ordered keys: the same assignment must encode to the same task config, or Connect restarts tasks for
            // nothing.
            Map<String, String> entry = new LinkedHashMap<>(2);
            entry.put("table", table.name());
            if (table.stable() != null) {
                entry.put("stable", table.stable());
            }
            entries.add(entry);
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode table names", e);
        }
    }

    public static List<SourceTable> decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(encoded, LIST).stream()
                    .map(entry -> new SourceTable(entry.get("table"), entry.get("stable")))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new ConnectException(
                    "malformed " + TASK_TABLES_CONFIG + " in the task config: " + e.getOriginalMessage(), e);
        }
    }
}
