package dev.tessera.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry to the engine for work that outlives a notebook cell: training the
 * shipped checkpoints and evaluating them. {@code ./tessera engine <command>} runs it.
 */
@Command(name = "tessera-engine", mixinStandardHelpOptions = true,
        subcommands = {TrainTokenizerCommand.class, EvalTokenizerCommand.class, TrainJudgeCommand.class,
                TrainUnifiedCommand.class, EvalUnifiedCommand.class},
        description = "Train and evaluate Tessera models from the command line.")
public final class TesseraCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TesseraCli()).execute(args));
    }
}
