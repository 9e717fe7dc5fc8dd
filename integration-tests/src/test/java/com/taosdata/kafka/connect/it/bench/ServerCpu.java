package com.taosdata.kafka.connect.it.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * CPU time of the TDengine server processes on this machine, taosd and taosAdapter, read from the operating system
 * (a benchmark against a server elsewhere, or the stand-in, reads none and prints n/a). On 2 shared cores a path's
 * server CPU per row carries over to a real deployment better than its rate.
 */
final class ServerCpu {

    /**
     * CPU time of taosd and of taosAdapter so far, zero for a process that is not running here, and the machine's, which
     * is printed beside them.
     */
    record Sample(Duration taosd, Duration taosAdapter, MachineCpu.Sample machine) {

        /**
         * The CPU per row spent since {@code before} and how busy the machine was meanwhile, as printed:
         * {@code taosd 1.23 µs/row, taosAdapter …; machine busy 187% of 200%}.
         */
        String perRowSince(Sample before, int rows) {
            String machineBusy = machine.busySince(before.machine);
            if (taosd.isZero() && taosAdapter.isZero()) {
                return "server CPU n/a (no taosd on this machine); " + machineBusy;
            }
            return String.format(
                    Locale.ROOT,
                    "server CPU: taosd %.2f µs/row, taosAdapter %.2f µs/row; %s",
                    taosd.minus(before.taosd).toNanos() / 1e3 / rows,
                    taosAdapter.minus(before.taosAdapter).toNanos() / 1e3 / rows,
                    machineBusy);
        }

        /** Whether no TDengine server process runs on this machine (a remote server, or the stand-in). */
        boolean none() {
            return taosd.isZero() && taosAdapter.isZero();
        }
    }

    private ServerCpu() {}

    static Sample now() {
        return new Sample(cpuOf("taosd"), cpuOf("taosadapter"), MachineCpu.now());
    }

    private static Duration cpuOf(String program) {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/" + program)).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
