package com.taosdata.kafka.connect.source.query;

/**
 * The time range of one query, in the database's precision: {@code lower} ({@code null} for none), inclusive or
 * exclusive, the number of rows at an inclusive {@code lower} already sent (to skip), and the inclusive
 * {@code upper}.
 */
public record QueryBounds(Long lower, boolean lowerInclusive, long skip, long upper) {}
