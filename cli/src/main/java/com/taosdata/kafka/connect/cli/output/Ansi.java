package com.taosdata.kafka.connect.cli.output;

/** Colours for a terminal; a disabled instance returns text unchanged so pipes and files stay clean. */
public final class Ansi {

    private final boolean enabled;

    public Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    /** Colours a Connect state: RUNNING green, FAILED red, anything in between yellow. */
    public String state(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "RUNNING" -> green(state);
            case "FAILED" -> red(state);
            default -> yellow(state);
        };
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
    }
}
