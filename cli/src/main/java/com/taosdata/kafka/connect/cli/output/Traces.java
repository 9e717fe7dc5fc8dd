package com.taosdata.kafka.connect.cli.output;

/** Shortens a Java stack trace from the REST API to what fits on a status line. */
public final class Traces {

    private Traces() {}

    public static String firstLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return "";
        }
        int newline = trace.indexOf('\n');
        return (newline < 0 ? trace : trace.substring(0, newline)).strip();
    }

    /** The first line and, when there is one, the innermost "Caused by:" line: usually the real reason. */
    public static String summary(String trace) {
        String first = firstLine(trace);
        if (first.isEmpty()) {
            return first;
        }
        String cause = null;
        for (String line : trace.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("Caused by:")) {
                cause = stripped;
            }
        }
        return cause == null ? first : first + "\n  " + cause;
    }
}
