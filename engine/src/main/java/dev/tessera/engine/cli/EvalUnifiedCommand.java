package dev.tessera.engine.cli;

import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedEvaluation;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Evaluates a unified model on held-out scenes: captions, answers, held-out NLL. */
@Command(name = "eval-unified", mixinStandardHelpOptions = true,
        description = "Caption attribute accuracy, answer accuracy and held-out NLL of a unified model.")
final class EvalUnifiedCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", description = "checkpoint folder (default: the shipped model)")
    Path checkpoint;

    @Option(names = "--scenes", defaultValue = "512", description = "held-out scenes to caption and question")
    int scenes;

    @Option(names = "--record", description = "write the results into the checkpoint's provenance.json")
    boolean record;

    @Override
    public Integer call() {
        if (record && checkpoint == null) {
            throw new IllegalArgumentException("--record needs --checkpoint FOLDER (the shipped model is read-only)");
        }
        UnifiedCheckpoint.Loaded loaded = checkpoint == null ? UnifiedCheckpoint.pretrained(UnifiedCheckpoint.DEFAULT)
                : UnifiedCheckpoint.load(checkpoint);
        try (UnifiedModel model = loaded.model()) {
            long start = System.nanoTime();
            UnifiedReport report = UnifiedEvaluation.evaluate(model, scenes);
            System.out.println(report);
            if (record) {
                UnifiedCheckpoint.record(checkpoint, "heldOut", report);
            }
            System.out.printf("(%.0f s)%n", (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
