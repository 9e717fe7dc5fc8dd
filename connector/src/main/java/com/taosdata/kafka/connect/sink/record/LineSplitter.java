package com.taosdata.kafka.connect.sink.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a record's text into the lines the sink hands to TDengine. A line ends at a line feed; a carriage return
 * before it is dropped (CRLF line ends) and blank lines are skipped.
 *
 * <p>In line protocol, {@code measurement[,tag=value…] field=value[,field=value…] [timestamp]}, a line feed
 * inside a quoted string field value belongs to the value: TDengine has no escape for it, and its native writer
 * stores it exactly. The line is read as TDengine's line parser reads it:
 * <ul>
 *   <li>a line starting with {@code #} is a comment, which ends at the next line feed;</li>
 *   <li>spaces before the measurement are skipped; the measurement and tags end at the first unescaped space;</li>
 *   <li>in the measurement, tag keys, tag values and field keys a backslash escapes a following comma, equal sign
 *       or space; a quote there is literal (tags are not quoted);</li>
 *   <li>in a field value, an unescaped quote opens a string ({@code "…"}, {@code L"…"}, …), inside which
 *       {@code \"} and {@code \\} are escapes and the next other quote closes it; outside strings an unescaped
 *       comma starts the next field and an unescaped space the timestamp;</li>
 *   <li>a string that never closes holds no line feed: the line ends at the first line feed after its quote,
 *       so a malformed line does not swallow the lines after it.</li>
 * </ul>
 */
public final class LineSplitter {

    private LineSplitter() {
    }

    /** OpenTSDB telnet: a line feed always ends a line (telnet has no quoting that could hold one). */
    static List<String> telnet(String text) {
        return split(text, LineSplitter::nextLineFeed);
    }

    /** InfluxDB line protocol: a line feed ends a line unless it is inside a quoted string field value. */
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

    private static int nextLineFeed(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    /** One pass over one line-protocol line, remembering the key of the first string that holds a line feed. */
    private static final class LineProtocolScan {

        private enum Section { SERIES, FIELD_KEY, FIELD_VALUE, STRING, TIMESTAMP }

        private final String text;
        private final int start;
        private int keyStart = -1;
        private int keyEnd = -1;
        private int lineFeedKeyStart = -1;
        private int lineFeedKeyEnd = -1;

        LineProtocolScan(String text, int start) {
            this.text = text;
            this.start = start;
        }

        int end() {
            int length = text.length();
            if (start < length && text.charAt(start) == '#') {
                return nextLineFeed(text, start);
            }
            int i = start;
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            Section section = Section.SERIES;
            int firstLineFeedInString = -1;
            for (; i < length; i++) {
                char c = text.charAt(i);
                if (c == '\n' && section != Section.STRING) {
                    return i;
                }
                switch (section) {
                    case SERIES -> {
                        if (escapesSeparator(i)) {
                            i++;
                        } else if (c == ' ') {
                            section = Section.FIELD_KEY;
                        }
                    }
                    case FIELD_KEY -> {
                        if (keyStart < 0 && c == ' ') {
                            continue;
                        }
                        if (keyStart < 0) {
                            keyStart = i;
                        }
                        if (escapesSeparator(i)) {
                            i++;
                        } else if (c == '=') {
                            keyEnd = i;
                            section = Section.FIELD_VALUE;
                        } else if (c == ' ') {
                            section = Section.TIMESTAMP;
                        }
                    }
                    case FIELD_VALUE -> {
                        if (escapesSeparator(i) || escapes(i, '"')) {
                            i++;
                        } else if (c == '"') {
                            section = Section.STRING;
                            firstLineFeedInString = -1;
                        } else if (c == ',') {
                            keyStart = -1;
                            section = Section.FIELD_KEY;
                        } else if (c == ' ') {
                            section = Section.TIMESTAMP;
                        }
                    }
                    case STRING -> {
                        if (escapes(i, '"') || escapes(i, '\\')) {
                            i++;
                        } else if (c == '\n' && firstLineFeedInString < 0) {
                            firstLineFeedInString = i;
                        } else if (c == '"') {
                            if (firstLineFeedInString >= 0 && lineFeedKeyStart < 0) {
                                lineFeedKeyStart = keyStart;
                                lineFeedKeyEnd = keyEnd;
                            }
                            section = Section.FIELD_VALUE;
                        }
                    }
                    case TIMESTAMP -> {
                        // Nothing in a timestamp can hold a line feed.
                    }
                }
            }
            return section == Section.STRING && firstLineFeedInString >= 0 ? firstLineFeedInString : length;
        }

        String lineFeedKey() {
            if (lineFeedKeyStart < 0) {
                return null;
            }
            StringBuilder key = new StringBuilder(lineFeedKeyEnd - lineFeedKeyStart);
            for (int i = lineFeedKeyStart; i < lineFeedKeyEnd; i++) {
                if (!escapesSeparator(i)) {
                    key.append(text.charAt(i));
                }
            }
            return key.toString();
        }

        /** A backslash before a comma, equal sign or space, which it escapes in names and unquoted values. */
        private boolean escapesSeparator(int i) {
            return escapes(i, ',') || escapes(i, '=') || escapes(i, ' ');
        }

        private boolean escapes(int i, char escaped) {
            return text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == escaped;
        }
    }
}
