package dev.tessera.engine.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A corpus tokenization to run on Spark in a child JVM ({@link CorpusJob}), as
 * {@code %tessera corpus tokenize} asks for it.
 *
 * @param inputs    folders (walked recursively), files or globs
 * @param output    the shards' folder
 * @param tokenizer a shipped grid tokenizer or a checkpoint folder
 * @param master    Spark's master, e.g. {@code local[2]}
 * @param psnr      measure each image's reconstruction
 * @param resume    continue a stopped run into {@code output}
 */
public record CorpusRun(List<String> inputs, Path output, String tokenizer, String master, boolean psnr, boolean resume) {

    /** The tokenizer unless told: the one trained on photographs. */
    public static final String DEFAULT_TOKENIZER = "photo-64";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]{0,2})])?");

    public CorpusRun {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("name at least one folder, file or glob to tokenize, e.g. %tessera corpus tokenize photos/");
        }
        if (output == null) {
            throw new IllegalArgumentException("name the shards' folder: --out DIR");
        }
        new TokenizerRef(tokenizer).config();  // a tokenizer that cannot make grids is refused here, not in the child
        if (master == null || !(LOCAL.matcher(master).matches() || master.startsWith("spark://") || master.startsWith("yarn")
                || master.startsWith("k8s://"))) {
            throw new IllegalArgumentException("--master must be local, local[N], local[*], spark://HOST:PORT, yarn or"
                    + " k8s://URL, got '" + master + "'");
        }
    }

    /** Shards in {@code runs/corpus-<time>} unless told, so running a cell again never meets a finished run. */
    public static Path defaultOutput() {
        return Path.of("runs", "corpus-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** The child's command-line arguments after {@code tokenize}. */
    List<String> arguments() {
        List<String> a = new java.util.ArrayList<>();
        for (String in : inputs) {
            a.add("--input");
            a.add(in);
        }
        a.addAll(List.of("--output", output.toAbsolutePath().toString(), "--tokenizer", tokenizer, "--master", master,
                "--progress-lines"));
        if (!psnr) {
            a.add("--no-psnr");
        }
        if (resume) {
            a.add("--resume");
        }
        return a;
    }
}
