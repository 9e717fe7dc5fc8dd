package com.taosdata.kafka.connect.source.query;

import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What one step of a {@link Querier} gave: the records, and whether it has caught up (nothing left to read before
 * now), so that it can wait {@code poll.interval.ms}.
 */
public record QueryResult(List<SourceRecord> records, boolean caughtUp) {}
