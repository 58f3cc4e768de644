package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.semantic.FeatureProbe;
import dev.tessera.engine.semantic.SemanticCheckpoint;
import dev.tessera.engine.semantic.SemanticEncoder;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** Linear probes of object colour and shape from semantic encoders' features and grid tokenizers' codes. */
@Command(name = "probe-features", mixinStandardHelpOptions = true,
        description = "Probe what features say about the objects under them: a linear read-out of each object's colour "
                + "and shape at its centre's grid position, fitted on half the held-out scenes, scored on the other half.")
final class ProbeFeaturesCommand implements Callable<Integer> {

    @Option(names = "--encoder", split = ",", description = "semantic encoders (checkpoint folders or shipped names)")
    List<String> encoders = List.of();

    @Option(names = "--tokenizer", split = ",", description = "grid tokenizers whose code vectors to probe (folders or shipped names)")
    List<String> tokenizers = List.of();

    @Option(names = "--untrained", description = "also probe a freshly initialised encoder of each --encoder's architecture (seed 1)")
    boolean untrained;

    @Option(names = "--scenes", defaultValue = "1024", description = "held-out scenes (half fit, half scored; 4.." + EvaluationSet.MAX_IMAGES + ")")
    int scenes;

    @Override
    public Integer call() {
        EvaluationSet.checkCount(scenes);
        if (encoders.isEmpty() && tokenizers.isEmpty()) {
            throw new IllegalArgumentException("name at least one --encoder or --tokenizer to probe");
        }
        for (String name : encoders) {
            try (SemanticEncoder e = SemanticCheckpoint.named(name)) {
                int side = e.config().imageSize();
                System.out.println(FeatureProbe.measure("encoder " + name, FeatureProbe.of(e), side, e.config().gridSize(), scenes));
                if (untrained) {
                    try (SemanticEncoder fresh = SemanticEncoder.create("untrained", e.config(), 1)) {
                        System.out.println(FeatureProbe.measure("untrained " + name, FeatureProbe.of(fresh), side,
                                e.config().gridSize(), scenes));
                    }
                }
            }
        }
        for (String name : tokenizers) {
            try (TrainableTokenizer<?> t = TrainJudgeCommand.loadTokenizer(name)) {
                if (!(t instanceof GridTokenizer g)) {
                    throw new IllegalArgumentException(name + " is not a grid tokenizer; probe a grid tokenizer's codes");
                }
                System.out.println(FeatureProbe.measure("codes of " + name, FeatureProbe.codesOf(g), g.imageSize(),
                        g.config().gridSize(), scenes));
                System.out.println(FeatureProbe.stability(name, g, scenes));
            }
        }
        return 0;
    }
}
