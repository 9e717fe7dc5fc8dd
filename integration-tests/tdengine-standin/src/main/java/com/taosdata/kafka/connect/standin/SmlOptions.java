package com.taosdata.kafka.connect.standin;

import java.util.Map;

/**
 * The {@code table_name_key} and {@code ttl} query parameters of taosAdapter's schemaless endpoints, which it hands
 * to {@code taos_schemaless_insert_raw_ttl_with_reqid_tbname_key}.
 *
 * @param tableNameKey the tag whose value names a point's child table, or {@code null}
 * @param ttl          the TTL in days of the child tables the request creates; 0 for none
 */
public record SmlOptions(String tableNameKey, int ttl) {

    public static final SmlOptions NONE = new SmlOptions(null, 0);

    /**
     * Reads the parameters as taosAdapter does: an empty {@code table_name_key} is none, a {@code ttl} that is no
     * integer is refused ({@code strconv.Atoi}); taosAdapter passes a negative one on, and so does this.
     *
     * @throws NumberFormatException for a non-numeric {@code ttl}, which the endpoints answer with 400
     */
    static SmlOptions of(Map<String, String> query) {
        String key = query.get("table_name_key");
        String ttl = query.get("ttl");
        return new SmlOptions(
                key == null || key.isEmpty() ? null : key, ttl == null || ttl.isEmpty() ? 0 : Integer.parseInt(ttl));
    }
}
