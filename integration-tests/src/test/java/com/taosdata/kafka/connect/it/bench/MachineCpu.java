package com.taosdata.kafka.connect.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How busy the whole machine was while a path ran, from Linux's {@code /proc/stat}: on 2 shared cores a path that
 * leaves none idle bounds every other path run beside it (2 tasks against 1, say), whatever the sink does.
 */
final class MachineCpu {

    /** Busy and total jiffies of all CPUs so far; both zero where there is no {@code /proc/stat}. */
    record Sample(long busy, long total) {

        /** Printed after a path's server CPU: {@code machine busy 187% of 200%}. */
        String busySince(Sample before) {
            long total = this.total - before.total;
            if (total <= 0) {
                return "machine CPU n/a";
            }
            int cpus = Runtime.getRuntime().availableProcessors();
            return String.format(
                    Locale.ROOT,
                    "machine busy %.0f%% of %d%%",
                    100.0 * cpus * (busy - before.busy) / total,
                    100 * cpus);
        }
    }

    private MachineCpu() {}

    static Sample now() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            // "cpu  user nice system idle iowait irq softirq steal …": idle and iowait are the idle time.
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Sample(total - idle, total);
        } catch (IOException e) {
            // No /proc/stat (not Linux): printed as n/a. A line Linux writes otherwise is read or fails the benchmark.
            return new Sample(0, 0);
        }
    }
}
