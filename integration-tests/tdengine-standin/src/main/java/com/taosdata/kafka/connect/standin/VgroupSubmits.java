package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one write as TDengine sends them: one submit request per vgroup. A vnode checks its whole request
 * before applying any of it ({@code vnodeProcessSubmitReq} in {@code vnodeSvr.c}: scan, then create tables, then
 * write), so a rejected row fails the other rows of its vgroup and the subtables they would create, while the rows
 * of the other vgroups are written, as a real 3.3.6.13 did (README, "Observed on a real server").
 *
 * @param <T> a row waiting to be written
 */
final class VgroupSubmits<T> {
    private record Entry<T>(int vgroup, T row) {}

    private final List<Entry<T>> rows = new ArrayList<>();
    private final Set<Integer> rejected = new HashSet<>();

    void add(int vgroup, T row) {
        rows.add(new Entry<>(vgroup, row));
    }

    /** A row of {@code vgroup} failed the vnode's check: the vgroup's whole submit fails. */
    void reject(int vgroup) {
        rejected.add(vgroup);
    }

    /** The rows of the vgroups whose submit succeeds, in request order (later rows overwrite earlier ones). */
    List<T> accepted() {
        List<T> result = new ArrayList<>();
        for (Entry<T> e : rows) {
            if (!rejected.contains(e.vgroup())) {
                result.add(e.row());
            }
        }
        return result;
    }

    boolean anyRejected() {
        return !rejected.isEmpty();
    }
}
