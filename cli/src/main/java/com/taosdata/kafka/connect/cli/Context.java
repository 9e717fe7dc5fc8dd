package com.taosdata.kafka.connect.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * What one invocation runs against: its streams, its environment, whether stdout is a terminal,
 * and how it waits. In-process callers (tests, the integration suite) pass their own.
 */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal, Sleeper sleeper) {

    /** Waiting is a seam so tests of polling commands need not sleep for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper REAL_SLEEPER = duration -> Thread.sleep(duration.toMillis());

    public String env(String name) {
        return env.get(name);
    }
}
