package com.taosdata.kafka.connect.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark program in a JVM of its own, on the benchmark's class path and environment (the TDengine client library
 * of a native URL included): its process CPU is then the program's alone, as the Connect worker's is the connector's,
 * without the Kafka broker the benchmark's JVM hosts.
 */
final class ChildJvm {

    /** What a program prints to hand its result to the benchmark: the line starts with this. */
    static final String RESULT = "[bench result] ";

    private ChildJvm() {}

    /** Starts {@code main} with {@code args}, its output appended to {@code log}. */
    static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What a small client program gets on this machine: G1 and a heap well above its needs.
        command.add("-Xmx1g");
        command.add("-XX:+UseG1GC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Runs {@code main} to its end and returns the fields of its result line; fails with its output if it did. */
    static String[] run(Class<?> main, Path log, String... args) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        Process process = start(main, log, args);
        int exit = process.waitFor();
        List<String> output = Files.readAllLines(log);
        String result = output.stream()
                .filter(line -> line.startsWith(RESULT))
                .reduce((a, b) -> b)
                .orElse(null);
        if (exit != 0 || result == null) {
            throw new IllegalStateException(main.getSimpleName() + " exited with " + exit + ":\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        return result.substring(RESULT.length()).trim().split(" ");
    }
}
