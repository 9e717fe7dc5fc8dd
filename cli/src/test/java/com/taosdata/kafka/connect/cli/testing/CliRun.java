package com.taosdata.kafka.connect.cli.testing;

import com.taosdata.kafka.connect.cli.Context;
import com.taosdata.kafka.connect.cli.TdConnect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured streams, an explicit environment and a sleeper that does not sleep. */
public final class CliRun {

    /** Exit code and captured output of one run. */
    public record Result(int code, String out, String err, List<Duration> sleeps) {}

    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun terminal() {
        terminal = true;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Duration> sleeps = new ArrayList<>();
        Context context = new Context(
                new PrintWriter(out),
                new PrintWriter(err),
                Map.copyOf(env),
                terminal,
                millis -> sleeps.add(Duration.ofMillis(millis)));
        int code = TdConnect.run(args, context);
        return new Result(code, out.toString(), err.toString(), sleeps);
    }

    public static Result cli(String... args) {
        return new CliRun().run(args);
    }
}
