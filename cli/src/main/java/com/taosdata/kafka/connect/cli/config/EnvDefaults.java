package com.taosdata.kafka.connect.cli.config;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Environment defaults for the global options. Read from the map the invocation was given,
 * not from {@link System#getenv()}, so that in-process runs are isolated from the JVM's environment.
 */
public final class EnvDefaults implements IDefaultValueProvider {

    private static final Map<String, String> VARIABLES = Map.of(
            "--url", "TDCONNECT_URL",
            "--user", "TDCONNECT_USER",
            "--password", "TDCONNECT_PASSWORD",
            "--truststore", "TDCONNECT_TRUSTSTORE",
            "--truststore-password", "TDCONNECT_TRUSTSTORE_PASSWORD");

    private final Map<String, String> env;

    public EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            String variable = VARIABLES.get(option.longestName());
            if (variable != null) {
                String value = env.get(variable);
                return value == null || value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
