package com.taosdata.kafka.connect.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the verb (picocli copies inherited options to every subcommand
 * and sets the values on this one instance). Defaults for {@code --url}, {@code --user},
 * {@code --password} and the trust store come from the environment through {@link EnvDefaults}.
 */
public final class GlobalOptions {

    public static final String DEFAULT_URL = "http://localhost:8083";

    @Option(
            scope = ScopeType.INHERIT,
            names = "--url",
            paramLabel = "URL",
            description = "Kafka Connect REST URL (env TDCONNECT_URL; default " + DEFAULT_URL + ").")
    public String url;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--user",
            paramLabel = "USER",
            description = "Basic auth user (env TDCONNECT_USER).")
    public String user;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--password",
            paramLabel = "PASSWORD",
            description =
                    "Basic auth password (env TDCONNECT_PASSWORD, which keeps it out of the shell history). Never printed.")
    public char[] password;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--truststore",
            paramLabel = "FILE",
            description =
                    "Trust store (PKCS12 or JKS) with the CA of an https Connect REST endpoint (env TDCONNECT_TRUSTSTORE).")
    public Path truststore;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--truststore-password",
            paramLabel = "PASSWORD",
            description = "Password of the trust store (env TDCONNECT_TRUSTSTORE_PASSWORD).")
    public char[] truststorePassword;

    @Option(
            scope = ScopeType.INHERIT,
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public OutputFormat output;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--no-color",
            description = "No colours even on a terminal (also env NO_COLOR).")
    public boolean noColor;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Timeout of each HTTP call, e.g. 10s, 1m (default: ${DEFAULT-VALUE}).")
    public Duration timeout;

    @Option(
            scope = ScopeType.INHERIT,
            names = "--retries",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "How often a call answered 409 (rebalance in progress) is retried, with backoff (default: ${DEFAULT-VALUE}).")
    public int retries;

    public String url() {
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }
}
