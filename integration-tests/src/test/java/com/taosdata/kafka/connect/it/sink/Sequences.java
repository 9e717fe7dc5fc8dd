package com.taosdata.kafka.connect.it.sink;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The {@code seq} values a {@link com.taosdata.kafka.connect.it.harness.LineStream} wrote, to compare with what was produced. */
final class Sequences {

    private Sequences() {}

    static Set<Long> of(TDengineTarget td, String table) {
        return td.query("SELECT seq FROM " + table).stream()
                .map(r -> ((Number) r.get("seq")).longValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<Long> upTo(int total) {
        return LongStream.range(0, total).boxed().collect(Collectors.toCollection(TreeSet::new));
    }
}
