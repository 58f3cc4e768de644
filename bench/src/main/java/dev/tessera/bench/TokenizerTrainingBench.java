package dev.tessera.bench;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.nn.ConvolutionPath;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.ClusterTokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Training time of the shipped tokenizer architectures under each convolution path: one op is
 * {@value #STEPS} training steps of a fresh tokenizer on batches of 32 generated scenes (the
 * shipped recipes' batch), k-means initialisation included. {@code convolution=library} is
 * libtorch's own convolution (oneDNN), {@code gemm} Tessera's fallback where oneDNN's AVX-512
 * kernels would otherwise run ({@link dev.tessera.engine.nn.GemmConv2d}); the ratio of the two is the
 * cost of that fallback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(1)
public class TokenizerTrainingBench {

    static final int STEPS = 4;

    /** Architecture: {@code vq64} (vq-shapes64), {@code fsq32} (fsq-shapes32) or {@code setok64}. */
    @Param({"vq64", "fsq32", "setok64"})
    public String tokenizer;
    /** How convolutions are computed: {@code gemm} or {@code library}. */
    @Param({"gemm", "library"})
    public String convolution;

    private TrainableTokenizer<?> fresh;

    /** Chooses the convolution path, then builds a fresh tokenizer for the next op. */
    @Setup(Level.Invocation)
    public void setUp(EngineState engine) {
        TesseraRuntime.configure(TesseraRuntime.settings().withConvolutions(ConvolutionPath.valueOf(convolution.toUpperCase())));
        fresh = switch (tokenizer) {
            case "vq64" -> GridTokenizer.create(tokenizer, TokenizerConfig.shapes64(), 7);
            case "fsq32" -> GridTokenizer.create(tokenizer, TokenizerConfig.shapes32Fsq(), 7);
            case "setok64" -> ClusterTokenizer.create(tokenizer, ClusterTokenizerConfig.shapes64(), 7);
            default -> throw new IllegalArgumentException("tokenizer must be one of vq64, fsq32, setok64; got " + tokenizer);
        };
    }

    /** {@value #STEPS} steps of the shipped recipe's batch size. */
    @Benchmark
    public TokenizerTrainingResult train() {
        TokenizerTrainingConfig recipe = tokenizer.startsWith("setok") ? TokenizerTrainingConfig.setok64()
                : TokenizerTrainingConfig.shapes64();
        SceneConfig scenes = tokenizer.endsWith("32") ? SceneConfig.scenes32(7) : SceneConfig.scenes64(7);
        return new TokenizerTrainer(fresh, recipe.withSteps(STEPS).withQuantizerWarmup(0), scenes).run();
    }

    @TearDown(Level.Invocation)
    public void close() {
        fresh.close();
    }
}
