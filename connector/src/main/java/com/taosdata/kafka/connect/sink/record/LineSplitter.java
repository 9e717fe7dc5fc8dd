package com.taosdata.kafka.connect.sink.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a record's text into the lines the sink hands to TDengine. A line ends at a line feed; a carriage return
 * before it is dropped (CRLF line ends) and blank lines are skipped.
 *
 * <p>In line protocol a line feed inside a quoted string field value belongs to the value: TDengine has no escape
 * for it, and its native writer stores it exactly. Where such a line ends is read by {@link LineProtocolScan}.
 */
public final class LineSplitter {

    private LineSplitter() {}

    /** OpenTSDB telnet: a line feed always ends a line (telnet has no quoting that could hold one). */
    static List<String> telnet(String text) {
        return split(text, LineSplitter::nextLineFeed);
    }

    /**
     * InfluxDB line protocol: a line feed ends a line unless it is inside a quoted string field value. The list is
     * new and modifiable: {@link RecordTimestamps} stamps its lines in place.
     */
    static List<String> lineProtocol(String text) {
        if (text.indexOf('\n') < 0) {
            // Most records hold a single line without line feed: nothing to scan.
            return split(text, LineSplitter::nextLineFeed);
        }
        return split(text, (whole, start) -> new LineProtocolScan(whole, start).end());
    }

    /**
     * The key of the first string field value of a line-protocol {@code line} that holds a line feed, with its
     * escapes removed (the column name), or null when none does.
     */
    static String fieldHoldingLineFeed(String line) {
        LineProtocolScan scan = new LineProtocolScan(line, 0);
        scan.end();
        return scan.lineFeedKey();
    }

    /** Where the line starting at {@code start} ends: the index of its line feed, or the text's length. */
    private interface LineEnd {
        int of(String text, int start);
    }

    /** The lines of {@code text}, in a new list the caller may change. */
    private static List<String> split(String text, LineEnd lineEnd) {
        List<String> lines = new ArrayList<>(1);
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = lineEnd.of(text, start);
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, stop);
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    /** The index of the next line feed from {@code start}, or the text's length. */
    static int nextLineFeed(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }
}
