package com.taosdata.kafka.connect.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.taosdata.kafka.connect.cli.config.OutputFormat;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/**
 * Where a command's results go: stdout in the chosen format, notes and progress on stderr.
 * Progress lines are only drawn on a terminal so that logs of CI runs stay readable.
 */
public final class Printer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final Ansi ansi;
    private final boolean terminal;
    private int progressWidth;

    public Printer(PrintWriter out, PrintWriter err, OutputFormat format, Ansi ansi, boolean terminal) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.ansi = ansi;
        this.terminal = terminal;
    }

    public boolean json() {
        return format == OutputFormat.json;
    }

    public Ansi ansi() {
        return ansi;
    }

    public void line(String text) {
        clearProgress();
        out.println(text);
        out.flush();
    }

    public void note(String text) {
        clearProgress();
        err.println(text);
        err.flush();
    }

    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
        out.flush();
    }

    /** Rewrites one status line in place on a terminal; elsewhere prints nothing. */
    public void progress(String text) {
        if (!terminal) {
            return;
        }
        String padded = text.length() < progressWidth ? text + " ".repeat(progressWidth - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        progressWidth = text.length();
    }

    private void clearProgress() {
        if (progressWidth > 0) {
            err.print("\r" + " ".repeat(progressWidth) + "\r");
            err.flush();
            progressWidth = 0;
        }
    }
}
