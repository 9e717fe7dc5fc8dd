package com.taosdata.kafka.connect.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code tdconnect} launcher ({@code cli/target/tdconnect/bin/tdconnect}) as a user would. */
public final class Cli {

    private final String connectUrl;

    public Cli(String connectUrl) {
        this.connectUrl = connectUrl;
    }

    /** What one invocation printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    public Result run(String... args) {
        String home = System.getProperty("it.cli.home");
        if (home == null) {
            throw new IllegalStateException(
                    "system property it.cli.home is not set: run the suites through Maven (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(home, "bin", "tdconnect").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("tdconnect-out", ".txt");
            Path err = Files.createTempFile("tdconnect-err", ".txt");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("TDCONNECT_URL", connectUrl);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tdconnect " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("running tdconnect failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
