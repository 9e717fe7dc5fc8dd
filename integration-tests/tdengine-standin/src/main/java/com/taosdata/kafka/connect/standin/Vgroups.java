package com.taosdata.kafka.connect.standin;

/**
 * A database's vgroups, {@code count} consecutive ids from {@code firstId}, and the vgroup that holds a table.
 *
 * <p>TDengine places a table by hashing its name into the hash ranges of the database's vgroups; the stand-in takes
 * the name's {@link String#hashCode()} modulo the count. Which tables share a vgroup therefore differs from a real
 * server, but what sharing means is the same: a write reaches each vgroup as its own submit request, which
 * succeeds or fails as a whole (see {@link VgroupSubmits}).
 */
public record Vgroups(int firstId, int count) {
    /** The system databases' placement: their tables are never listed or written, so one vgroup below the others. */
    static final Vgroups MNODE = new Vgroups(1, 1);

    public int idOf(String tableName) {
        return firstId + Math.floorMod(tableName.hashCode(), count);
    }
}
