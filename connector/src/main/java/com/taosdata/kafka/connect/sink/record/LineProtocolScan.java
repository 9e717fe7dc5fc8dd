package com.taosdata.kafka.connect.sink.record;

/**
 * One pass over one line-protocol line, {@code measurement[,tag=value…] field=value[,field=value…] [timestamp]},
 * read as TDengine's line parser reads it:
 * <ul>
 *   <li>a line starting with {@code #} is a comment, which ends at the next line feed;</li>
 *   <li>spaces before the measurement are skipped; the measurement and tags end at the first unescaped space;</li>
 *   <li>in the measurement, tag keys, tag values and field keys a backslash escapes a following comma, equal sign
 *       or space unless another backslash precedes it: TDengine finds where they end without pairing escapes, so
 *       {@code a\\ b} ends at its space, as {@code a\\\ b} does (only when the text is unescaped do escapes pair,
 *       {@code \\} standing for one backslash); a quote there is literal (tags are not quoted);</li>
 *   <li>in a field value, escapes pair from left to right: {@code \\}, {@code \"} and a backslash before a comma
 *       or space are escapes; an unescaped quote opens a string ({@code "…"}, {@code L"…"}, …), inside which
 *       {@code \"} and {@code \\} are escapes and the next other quote closes it; outside strings an unescaped
 *       comma starts the next field and an unescaped space ends the field set;</li>
 *   <li>after the field set, spaces are skipped and the timestamp runs to the next whitespace; a line that ends
 *       there, or has other whitespace there, has no timestamp ({@code smlParseInfluxString});</li>
 *   <li>a line feed outside strings ends the line; a string that never closes holds no line feed: the line ends at
 *       the first line feed after its quote, so a malformed line does not swallow the lines after it.</li>
 * </ul>
 * {@link LineSplitter} reads where lines end and which field holds a line feed; {@link RecordTimestamps} where a
 * line lacking a timestamp needs one.
 */
final class LineProtocolScan {

    private enum Section {
        SERIES,
        FIELD_KEY,
        FIELD_VALUE,
        STRING,
        TIMESTAMP
    }

    private final String text;
    private final int start;
    private int keyStart = -1;
    private int keyEnd = -1;
    private int lineFeedKeyStart = -1;
    private int lineFeedKeyEnd = -1;
    /** The index just past a complete field set, or -1 while none was read. */
    private int fieldSetEnd = -1;
    /** Whether the first character after the spaces that follow the field set begins a timestamp. */
    private boolean timestamp;
    /** Whether that character was read. */
    private boolean timestampDecided;

    LineProtocolScan(String text, int start) {
        this.text = text;
        this.start = start;
    }

    /**
     * Where a timestamp belongs in {@code line} (one line, as {@link LineSplitter} returns it): the index just past its
     * field set when no timestamp follows it, or -1 when one does, the line is a comment, or it has no complete field
     * set (TDengine rejects such a line, which a timestamp would not change).
     */
    static int timestampMissingAt(String line) {
        if (endsWithTimestamp(line)) {
            return -1;
        }
        LineProtocolScan scan = new LineProtocolScan(line, 0);
        scan.end();
        return scan.fieldSetEnd >= 0 && !scan.timestamp ? scan.fieldSetEnd : -1;
    }

    /**
     * Whether {@code line} ends in digits after unescaped spaces that follow something other than whitespace: in valid
     * line protocol only a timestamp does (a field set ends in a quote or in a value glued to its {@code =}), so most
     * lines are decided without a scan. A line that is not valid line protocol and ends so is left as it is, which is
     * what the scan decides too, except for one TDengine reads as timestamp-less because other whitespace stands
     * where its timestamp should start, with more after it ({@code m f=1 \tx 9}).
     */
    private static boolean endsWithTimestamp(String line) {
        int i = line.length() - 1;
        while (i >= 0 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i--;
        }
        if (i == line.length() - 1 || i < 0 || line.charAt(i) != ' ') {
            return false;
        }
        while (i >= 0 && line.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && line.charAt(i) != '\\' && !isSpace(line.charAt(i));
    }

    /** Scans the line; where it ends: the index of its line feed, or the text's length. */
    int end() {
        int length = text.length();
        if (start < length && text.charAt(start) == '#') {
            return LineSplitter.nextLineFeed(text, start);
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
                return endOfLine(section, i);
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
                    if (escapesInFieldValue(i)) {
                        i++;
                    } else if (c == '"') {
                        section = Section.STRING;
                        firstLineFeedInString = -1;
                    } else if (c == ',') {
                        keyStart = -1;
                        section = Section.FIELD_KEY;
                    } else if (c == ' ') {
                        fieldSetEnd = i;
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
                    if (!timestampDecided && c != ' ') {
                        timestampDecided = true;
                        timestamp = !isSpace(c);
                    }
                }
            }
        }
        if (section == Section.STRING && firstLineFeedInString >= 0) {
            return firstLineFeedInString;
        }
        return endOfLine(section, length);
    }

    private int endOfLine(Section section, int end) {
        if (section == Section.FIELD_VALUE) {
            fieldSetEnd = end;
        }
        return end;
    }

    /**
     * The key of the first string field value that holds a line feed, with its escapes removed as TDengine removes
     * them (a backslash before a comma, equal sign, space or backslash, pairing from left to right), or null.
     */
    String lineFeedKey() {
        if (lineFeedKeyStart < 0) {
            return null;
        }
        StringBuilder key = new StringBuilder(lineFeedKeyEnd - lineFeedKeyStart);
        for (int i = lineFeedKeyStart; i < lineFeedKeyEnd; i++) {
            if (text.charAt(i) == '\\' && i + 1 < lineFeedKeyEnd && isEscapableInKey(text.charAt(i + 1))) {
                i++;
            }
            key.append(text.charAt(i));
        }
        return key.toString();
    }

    /**
     * A backslash before a comma, equal sign or space, which it escapes in names and tag values unless a backslash
     * precedes it too (TDengine's {@code IS_SPACE}/{@code IS_COMMA}/{@code IS_EQUAL} look one character back only).
     */
    private boolean escapesSeparator(int i) {
        return (escapes(i, ',') || escapes(i, '=') || escapes(i, ' ')) && (i == 0 || text.charAt(i - 1) != '\\');
    }

    /** A backslash that pairs with the next character outside strings in a field value, from left to right. */
    private boolean escapesInFieldValue(int i) {
        return escapes(i, ',') || escapes(i, ' ') || escapes(i, '"') || escapes(i, '\\');
    }

    private static boolean isEscapableInKey(char c) {
        return c == ',' || c == '=' || c == ' ' || c == '\\';
    }

    private boolean escapes(int i, char escaped) {
        return text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == escaped;
    }

    /** C's {@code isspace}, which ends TDengine's timestamp. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
