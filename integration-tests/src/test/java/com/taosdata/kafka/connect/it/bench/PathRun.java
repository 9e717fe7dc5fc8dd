package com.taosdata.kafka.connect.it.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One measured source path, connector or hand-written program, over the same rows: its rate, the CPU it cost per row
 * in its own JVM (the Connect worker's for the connector), on the server (taosd, taosAdapter; negative when no server
 * runs on this machine), and for the connector when the first records came and the rate after them.
 */
record PathRun(
        double rate,
        double clientMicros,
        double taosdMicros,
        double adapterMicros,
        double firstSeconds,
        double steadyRate) {

    static PathRun of(
            int rows, double seconds, Duration clientCpu, ServerCpu.Sample serverBefore, ServerCpu.Sample serverAfter) {
        return new PathRun(
                rows / seconds,
                micros(clientCpu, rows),
                serverAfter.none() ? -1 : micros(serverAfter.taosd().minus(serverBefore.taosd()), rows),
                serverAfter.none() ? -1 : micros(serverAfter.taosAdapter().minus(serverBefore.taosAdapter()), rows),
                Double.NaN,
                Double.NaN);
    }

    PathRun withStart(double first, double steady) {
        return new PathRun(rate, clientMicros, taosdMicros, adapterMicros, first, steady);
    }

    /** This run without server CPU: the TDengine processes on this machine do not serve the stand-in's paths. */
    PathRun withoutServer() {
        return new PathRun(rate, clientMicros, -1, -1, firstSeconds, steadyRate);
    }

    /** The fields a hand-written program prints after {@link ChildJvm#RESULT}, read back by {@link #parse}. */
    String fields() {
        return String.format(Locale.ROOT, "%f %f %f %f", rate, clientMicros, taosdMicros, adapterMicros);
    }

    static PathRun parse(String[] fields) {
        return new PathRun(
                Double.parseDouble(fields[0]),
                Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]),
                Double.NaN,
                Double.NaN);
    }

    /** The path's line against {@code baseline}: rate and CPU per row, each with its ratio to the baseline's. */
    void print(String path, PathRun baseline) {
        Measure.row(path, rate, baseline.rate);
        if (!Double.isNaN(firstSeconds)) {
            Measure.say(String.format(
                    Locale.ROOT, "    first record after %.2f s, then %.0f rows/s", firstSeconds, steadyRate));
        }
        Measure.say(String.format(
                Locale.ROOT,
                "    CPU µs/row: client %.2f (x%.2f)%s",
                clientMicros,
                clientMicros / baseline.clientMicros,
                taosdMicros < 0
                        ? ", server n/a (not on this machine, or the stand-in)"
                        : String.format(
                                Locale.ROOT,
                                ", taosd %.2f (x%.2f), taosAdapter %.2f",
                                taosdMicros,
                                taosdMicros / baseline.taosdMicros,
                                adapterMicros)));
    }

    private static double micros(Duration cpu, int rows) {
        return cpu.toNanos() / 1e3 / rows;
    }
}
