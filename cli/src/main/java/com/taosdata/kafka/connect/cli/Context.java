package com.taosdata.kafka.connect.cli;

import com.taosdata.kafka.connect.connection.Sleeper;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What one invocation runs against: its streams, its environment, whether stdout is a terminal,
 * and how it waits. In-process callers (tests, the integration suite) pass their own.
 */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal, Sleeper sleeper) {

    public String env(String name) {
        return env.get(name);
    }
}
