package com.taosdata.kafka.connect.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The keys whose values differ between the deployed config and the new one, with secrets masked. */
public final class ConfigDiff {

    /** One changed key; {@code before}/{@code after} are null for added/removed keys, masked for secrets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String key, String before, String after) {

        public String render() {
            if (before == null) {
                return "  + " + key + " = " + after;
            }
            if (after == null) {
                return "  - " + key;
            }
            return "  ~ " + key + ": " + before + " -> " + after;
        }
    }

    private ConfigDiff() {}

    public static List<Change> between(Map<String, String> before, Map<String, String> after, Secrets secrets) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            boolean wasThere = before.containsKey(key);
            boolean isThere = after.containsKey(key);
            if (wasThere && isThere && Objects.equals(before.get(key), after.get(key))) {
                continue;
            }
            changes.add(new Change(
                    key,
                    wasThere ? secrets.show(key, before.get(key)) : null,
                    isThere ? secrets.show(key, after.get(key)) : null));
        }
        return changes;
    }
}
