package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the server applied for one database: each vgroup's WAL index ({@code SHOW <db>.VGROUPS}, {@code applied}),
 * which grows by one per write request the vnode applied — a batch split over vgroups, a child-table creation. Read
 * before the database is dropped, so two paths' write requests compare as the server saw them.
 */
final class ServerCounts {

    private ServerCounts() {}

    /** {@code server: 212 write requests over 2 vgroups (106, 106), 4,717 rows per request}, or why there is none. */
    static String of(TDengineTarget td, String database, long rows) {
        if (td.isStandIn()) {
            return "server requests n/a (stand-in)";
        }
        List<Long> applied = new ArrayList<>();
        for (Map<String, Object> vgroup : td.query("SHOW `" + database + "`.VGROUPS")) {
            applied.add(appliedIndex(vgroup));
        }
        long requests = applied.stream().mapToLong(Long::longValue).sum();
        return String.format(
                Locale.ROOT,
                "server: %d write requests over %d vgroups %s, %.0f rows per request",
                requests,
                applied.size(),
                applied,
                requests == 0 ? 0.0 : (double) rows / requests);
    }

    /** {@code v1_applied/committed} reads {@code 101/101}; the text comes as bytes over the native driver. */
    private static long appliedIndex(Map<String, Object> vgroup) {
        Object value = vgroup.get("v1_applied/committed");
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
        return Long.parseLong(text.substring(0, text.indexOf('/')));
    }
}
