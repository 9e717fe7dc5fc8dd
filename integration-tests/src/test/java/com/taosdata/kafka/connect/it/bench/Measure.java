package com.taosdata.kafka.connect.it.bench;

import java.util.Locale;

/** Timing and reporting shared by the benchmarks: rates of timed steps, printed as rows against a baseline. */
final class Measure {

    /** A step to time. */
    interface Step {
        void run() throws Exception;
    }

    private Measure() {}

    /** Items per second over the step's wall time. */
    static double rate(int items, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return items / ((System.nanoTime() - start) / 1e9);
    }

    static void header(String unit, String baseline) {
        say(String.format(Locale.ROOT, "%-44s %12s %10s", "path", unit, "vs " + baseline));
    }

    static void row(String path, double rate, double baseline) {
        say(String.format(Locale.ROOT, "%-44s %12.0f %9.0f%%", path, rate, 100 * rate / baseline));
    }

    static void say(String message) {
        System.out.println("[tdconnect bench] " + message);
    }
}
