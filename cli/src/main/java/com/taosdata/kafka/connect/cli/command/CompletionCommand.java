package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.error.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tdconnect completion}: picocli's generated script, which serves bash and, through bashcompinit, zsh. */
@Command(
        name = "completion",
        description = {
            "Print a bash/zsh completion script.",
            "bash: source <(tdconnect completion)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(tdconnect completion)"
        })
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("tdconnect", spec.parent().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
