package com.taosdata.kafka.connect.cli.output;

import java.util.List;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * The colours of our output, drawn by picocli's {@link Ansi}: with {@link Ansi#OFF} text comes back unchanged, so
 * pipes and files stay clean. {@link Ansi#apply} takes the text as it is, so a value holding picocli's
 * {@code @|…|@} markup is printed, not interpreted.
 */
public final class Styles {

    private Styles() {}

    public static String red(Ansi ansi, String text) {
        return paint(ansi, text, Style.fg_red);
    }

    public static String green(Ansi ansi, String text) {
        return paint(ansi, text, Style.fg_green);
    }

    public static String yellow(Ansi ansi, String text) {
        return paint(ansi, text, Style.fg_yellow);
    }

    /** Colours a Connect state: RUNNING green, FAILED red, anything in between yellow. */
    public static String state(Ansi ansi, String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "RUNNING" -> green(ansi, state);
            case "FAILED" -> red(ansi, state);
            default -> yellow(ansi, state);
        };
    }

    private static String paint(Ansi ansi, String text, Style style) {
        return ansi.apply(text, List.of(style)).toString();
    }
}
