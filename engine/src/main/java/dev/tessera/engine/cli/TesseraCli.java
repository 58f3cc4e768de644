package dev.tessera.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/**
 * Command-line entry to the engine for work that outlives a notebook cell: training the
 * shipped checkpoints and evaluating them. {@code ./tessera engine <command>} runs it.
 */
@Command(name = "tessera-engine", mixinStandardHelpOptions = true,
        subcommands = {TrainTokenizerCommand.class, EvalTokenizerCommand.class, TrainJudgeCommand.class, EvalJudgeCommand.class,
                TrainUnifiedCommand.class, TrainCurriculumCommand.class, EvalUnifiedCommand.class, AblateCommand.class,
                SelfAssessCommand.class, TrainSemanticEncoderCommand.class,
                ProbeFeaturesCommand.class},
        description = "Train and evaluate Tessera models from the command line.")
public final class TesseraCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Exit code of a run refused for bad input (a wrong option value, a missing or foreign file). */
    public static final int BAD_INPUT = 2;

    /**
     * The command line with its error handling: bad input (the engine's argument, state and I/O
     * errors, which name the problem and the fix) prints one line and exits with
     * {@link #BAD_INPUT}; anything else is a bug and keeps its stack trace.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new TesseraCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("tessera-engine " + cmd.getCommandName() + ": "
                        + e.getMessage()));
                return BAD_INPUT;
            }
            throw e;
        });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
