package com.taosdata.kafka.connect.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The typed sink against the Avro line sink over several rounds, each path run once per round in the same order: one
 * path's figures move by a fifth from one run to the next on this machine (the windows are 3-7 s for a million rows,
 * beside the broker and the server on 2 cores), so a goal that one run meets or misses by less than that is judged by
 * the median of ratios taken within each round, printed with their range.
 */
final class TypedRounds {

    /** One round: the Avro line sink, then the typed sink with 1 task and with 2, on the same topic. */
    record Round(SinkBenchmark.Run avroLine, SinkBenchmark.Run typed1, SinkBenchmark.Run typed2) {

        double rateRatio() {
            return typed1.rate() / avroLine.rate();
        }

        double cpuRatio() {
            return typed1.cpuMicrosPerLine() / avroLine.cpuMicrosPerLine();
        }

        double twoTasksRatio() {
            return typed2.rate() / typed1.rate();
        }

        /** From each run's first row on: a second consumer in the group makes the start longer, once. */
        double twoTasksSteadyRatio() {
            return typed2.steadyRate() / typed1.steadyRate();
        }
    }

    private final List<Round> rounds = new ArrayList<>();

    void add(Round round) {
        rounds.add(round);
    }

    /** Each round's ratios, then their medians and ranges. */
    void print() {
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            Measure.say(String.format(
                    Locale.ROOT,
                    "round %d: typed %.0f rows/s = %.0f%% of the Avro line sink; worker CPU per row %.2f / %.2f = %.2f;"
                            + " 2 tasks vs 1: %.0f%% (once rows flow: %.0f%%)",
                    i + 1,
                    round.typed1().rate(),
                    100 * round.rateRatio(),
                    round.typed1().cpuMicrosPerLine(),
                    round.avroLine().cpuMicrosPerLine(),
                    round.cpuRatio(),
                    100 * round.twoTasksRatio(),
                    100 * round.twoTasksSteadyRatio()));
        }
        Measure.say(String.format(
                Locale.ROOT,
                "over %d rounds, median (range): typed vs Avro line sink %s; worker CPU per row vs the Avro line sink's"
                        + " %s; 2 tasks vs 1 %s (once rows flow: %s)",
                rounds.size(),
                summary(Round::rateRatio, true),
                summary(Round::cpuRatio, false),
                summary(Round::twoTasksRatio, true),
                summary(Round::twoTasksSteadyRatio, true)));
    }

    private String summary(ToDoubleFunction<Round> ratio, boolean percent) {
        double[] values = rounds.stream().mapToDouble(ratio).sorted().toArray();
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        double low = values[0];
        double high = values[values.length - 1];
        return percent
                ? String.format(Locale.ROOT, "%.0f%% (%.0f-%.0f%%)", 100 * median, 100 * low, 100 * high)
                : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median, low, high);
    }
}
