package com.taosdata.kafka.connect.source.tmq;

/**
 * A point in the rows of a vgroup: a TMQ {@code position} that lies between two WAL entries, and the rows read on from
 * there up to the point ({@code skip}). Read from {@code position} again, a vgroup returns the same rows in the same
 * order, since its WAL only grows at its end: dropping the first {@code skip} of them resumes exactly at the point,
 * however TDengine cuts them into messages this time.
 */
record ReadPosition(long position, long skip) implements Comparable<ReadPosition> {

    ReadPosition {
        if (position < 0 || skip < 0) {
            throw new IllegalArgumentException("position and skip must be 0 or more, got " + position + ", " + skip);
        }
    }

    /** The point at {@code position} itself, before any of the rows read from there. */
    static ReadPosition at(long position) {
        return new ReadPosition(position, 0);
    }

    /** The point after the next row. */
    ReadPosition next() {
        return new ReadPosition(position, skip + 1);
    }

    /**
     * Orders points of one vgroup as its rows come. A point counted from an earlier position comes first: positions
     * are only ever moved on past the rows counted from the last one.
     */
    @Override
    public int compareTo(ReadPosition other) {
        int byPosition = Long.compare(position, other.position);
        return byPosition != 0 ? byPosition : Long.compare(skip, other.skip);
    }
}
