package com.taosdata.kafka.connect.cli;

import com.taosdata.kafka.connect.cli.client.ClientSettings;
import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.command.CompletionCommand;
import com.taosdata.kafka.connect.cli.command.DeleteCommand;
import com.taosdata.kafka.connect.cli.command.DeployCommand;
import com.taosdata.kafka.connect.cli.command.DescribeCommand;
import com.taosdata.kafka.connect.cli.command.Invocation;
import com.taosdata.kafka.connect.cli.command.ListCommand;
import com.taosdata.kafka.connect.cli.command.OffsetsCommand;
import com.taosdata.kafka.connect.cli.command.PauseCommand;
import com.taosdata.kafka.connect.cli.command.PluginsCommand;
import com.taosdata.kafka.connect.cli.command.RestartCommand;
import com.taosdata.kafka.connect.cli.command.ResumeCommand;
import com.taosdata.kafka.connect.cli.command.StatusCommand;
import com.taosdata.kafka.connect.cli.command.StopCommand;
import com.taosdata.kafka.connect.cli.command.ValidateCommand;
import com.taosdata.kafka.connect.cli.config.EnvDefaults;
import com.taosdata.kafka.connect.cli.config.GlobalOptions;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.connection.Sleeper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code tdconnect}: the root command. Its options are inherited, so they work before or after the verb. */
@Command(
        name = "tdconnect",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Validate, deploy and operate tdconnect (and other) connectors on a Kafka Connect cluster.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  invalid config, or a connector or task FAILED",
            "  2  usage error",
            "  3  cluster unreachable or unexpected HTTP answer",
            "  4  connector not found"
        },
        subcommands = {
            ValidateCommand.class, DeployCommand.class, StatusCommand.class, ListCommand.class,
            DescribeCommand.class, DeleteCommand.class, PauseCommand.class, ResumeCommand.class,
            StopCommand.class, RestartCommand.class, PluginsCommand.class, OffsetsCommand.class,
            CompletionCommand.class
        })
public final class TdConnect implements Runnable, Invocation {

    private final Context context;

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    public TdConnect(Context context) {
        this.context = context;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv(), System.console() != null);
        System.exit(code);
    }

    /** Runs one invocation in this JVM, as the integration tests do; stdout is not treated as a terminal. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        return run(args, new Context(outWriter, errWriter, Map.copyOf(env), terminal, Sleeper.SYSTEM));
    }

    /** Runs one invocation with a given context; tests use it to replace the sleeper. */
    public static int run(String[] args, Context context) {
        TdConnect root = new TdConnect(context);
        CommandLine commandLine = commandLine(root);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The command tree with environment defaults and the exit-code mapping; completion scripts are made from it. */
    public static CommandLine commandLine(TdConnect root) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setDefaultValueProvider(new EnvDefaults(root.context.env()));
        commandLine.setExecutionExceptionHandler(new ExceptionHandler(root));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Usage errors are printed before any option is known; help and every verb's output once --no-color is.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(root.ansi()));
        commandLine.setExecutionStrategy(parseResult -> {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(root.ansi()));
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. tdconnect status");
    }

    /**
     * Colour only on a terminal, and not with --no-color or a non-empty NO_COLOR (no-color.org). Decided from this
     * invocation's context rather than picocli's AUTO, which reads the process's own console and environment.
     */
    public Ansi ansi() {
        boolean noColor = options != null && options.noColor;
        String noColorEnv = context.env("NO_COLOR");
        return Ansi.valueOf(context.terminal() && !noColor && (noColorEnv == null || noColorEnv.isEmpty()));
    }

    @Override
    public Printer printer() {
        return new Printer(context.out(), context.err(), options.output, ansi(), context.terminal());
    }

    @Override
    public ConnectClient client() {
        if (options.retries < 0) {
            throw CliException.usage("--retries " + options.retries + ": must be 0 or more");
        }
        ClientSettings settings = new ClientSettings(
                options.url(),
                options.user,
                options.password,
                options.truststore,
                options.truststorePassword,
                options.timeout,
                options.retries,
                ClientSettings.DEFAULT_BACKOFF);
        return new ConnectClient(settings, context.sleeper());
    }

    @Override
    public Sleeper sleeper() {
        return context.sleeper();
    }

    @Override
    public boolean terminal() {
        return context.terminal();
    }
}
