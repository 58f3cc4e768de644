package dev.tessera.bench;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.ClusterTokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenizerConfig;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encode and decode time of each tokenizer architecture on a batch of held-out scenes;
 * {@link ResultsTable} turns ms/op into images/s ({@code batch} images per op). Weights are
 * random: throughput does not depend on training.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class TokenizerBench {

    /** Architecture: {@code vq}, {@code rvq}, {@code fsq} (grid tokenizers) or {@code setok}. */
    @Param({"vq", "rvq", "fsq", "setok"})
    public String tokenizer;
    /** Images per encode/decode call. */
    @Param({"1", "256"})
    public int batch;

    private Workload<?> work;

    /** Builds the tokenizer, the batch of scenes and its tokens (the decode input). */
    @Setup(Level.Trial)
    public void setUp(EngineState engine) {
        List<RgbImage> images = new SceneGenerator(SceneConfig.heldOut64()).scenes(0, batch).stream()
                .map(Scene::image).toList();
        work = Workload.of(create(tokenizer), images);
    }

    /** Tokens of every image in the batch. */
    @Benchmark
    public List<? extends ImageTokens> encode() {
        return work.encode();
    }

    /** Images decoded from the batch's tokens. */
    @Benchmark
    public List<RgbImage> decode() {
        return work.decode();
    }

    @TearDown(Level.Trial)
    public void close() {
        work.tokenizer().close();
    }

    private static ImageTokenizer<?> create(String name) {
        return switch (name) {
            case "vq" -> GridTokenizer.create(name, TokenizerConfig.shapes64(), 1);
            case "rvq" -> GridTokenizer.create(name, TokenizerConfig.shapes64Residual(), 1);
            case "fsq" -> GridTokenizer.create(name, TokenizerConfig.shapes64Fsq(), 1);
            case "setok" -> ClusterTokenizer.create(name, ClusterTokenizerConfig.shapes64(), 1);
            default -> throw new IllegalArgumentException("tokenizer must be one of vq, rvq, fsq, setok; got " + name);
        };
    }

    /** A tokenizer with its input images and their tokens, typed together so decode type-checks. */
    private record Workload<T extends ImageTokens>(ImageTokenizer<T> tokenizer, List<RgbImage> images, List<T> tokens) {

        static <T extends ImageTokens> Workload<T> of(ImageTokenizer<T> tokenizer, List<RgbImage> images) {
            return new Workload<>(tokenizer, images, tokenizer.encode(images));
        }

        List<T> encode() {
            return tokenizer.encode(images);
        }

        List<RgbImage> decode() {
            return tokenizer.decode(tokens);
        }
    }
}
