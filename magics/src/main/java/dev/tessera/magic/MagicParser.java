package dev.tessera.magic;

import dev.tessera.engine.corpus.CorpusRun;
import dev.tessera.engine.curriculum.Curricula;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.AnswerTask;
import dev.tessera.engine.task.CaptionTask;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.unified.Evaluations;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Parses {@code %tessera} lines into typed {@link Magic} requests with picocli: one picocli
 * command class per magic, converted to its request record. Each option's name, default, range
 * and description are written once, in its annotation (or, for the train settings, in
 * {@link TrainKey}); the usages shown with errors and in {@code %tessera help} are drawn from them.
 */
public final class MagicParser {

    @Command(name = "help")
    static final class HelpArgs {
    }

    @Command(name = "tokenize")
    static final class TokenizeArgs {
        @Mixin
        SharedOptions.Image image;

        @Option(names = "--size", paramLabel = "N", defaultValue = "64", description = "side in pixels the tokenizer "
                + "takes, 1.." + Images.MAX_SIDE + " (default ${DEFAULT-VALUE})")
        int size;

        @Mixin
        SharedOptions.Tokenizer tokenizer;
    }

    @Command(name = "codebook")
    static final class CodebookArgs {
        @Mixin
        SharedOptions.Tokenizer tokenizer;

        @Mixin
        SharedOptions.Images images;
    }

    @Command(name = "compare")
    static final class CompareArgs {
        @Parameters(arity = "1..*", paramLabel = "TOKENIZER", completionCandidates = EngineNames.OfTokenizers.class,
                description = "shipped tokenizers to measure side by side: ${COMPLETION-CANDIDATES}")
        List<String> tokenizers;

        @Option(names = "--data", paramLabel = "DATA", defaultValue = "scenes",
                completionCandidates = EngineNames.OfData.class, description = "held-out synthetic scenes or a "
                + "dataset's test split: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        String data;

        @Mixin
        SharedOptions.Images images;
    }

    @Command(name = "caption")
    static final class CaptionArgs {
        @Mixin
        SharedOptions.Image image;

        @Mixin
        SharedOptions.Model model;
    }

    @Command(name = "ask")
    static final class AskArgs {
        @Mixin
        SharedOptions.Image image;

        @Parameters(index = "1", paramLabel = "QUESTION", description = "a question the model learned, such as "
                + "\"how many red shapes are there?\", \"what colour is the triangle?\", \"what shape is the blue "
                + "one?\", \"is there a green square?\" or \"where is the red circle?\"")
        String question;

        @Mixin
        SharedOptions.Model model;
    }

    @Command(name = "generate")
    static final class GenerateArgs {
        @Parameters(index = "0", paramLabel = "PROMPT", description = "a caption such as \"a red circle\" or "
                + "\"two blue squares and a yellow triangle\"")
        String prompt;

        @Option(names = "--n", paramLabel = "N", defaultValue = "8", description = "images to draw, 1.."
                + UnifiedModel.MAX_IMAGES + " (default ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.8", description = "0 = greedy, "
                + "higher = more varied; 0.." + (int) SamplingConfig.MAX_TEMPERATURE + " (default ${DEFAULT-VALUE})")
        double temperature;

        @Option(names = "--top-k", paramLabel = "K", defaultValue = "32", description = "sample only among the K most "
                + "likely codes; 0.." + SamplingConfig.MAX_TOP_K + ", 0 = all (default ${DEFAULT-VALUE})")
        int topK;

        @Option(names = "--top-p", paramLabel = "P", defaultValue = "1.0", description = "sample only among the fewest "
                + "codes holding P of the probability; 0 < P <= 1, 1 = all (default ${DEFAULT-VALUE})")
        double topP;

        @Option(names = "--cfg", paramLabel = "S", defaultValue = "2.0", description = "classifier-free guidance "
                + "scale; 0.." + (int) SamplingConfig.MAX_CFG + ", 1 = off (default ${DEFAULT-VALUE})")
        double cfg;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "any whole number; the same seed "
                + "draws the same images (default ${DEFAULT-VALUE})")
        long seed;

        @Mixin
        SharedOptions.Model model;
    }

    @Command(name = "edit")
    static final class EditArgs {
        @Mixin
        SharedOptions.Image image;

        @Parameters(index = "1", paramLabel = "INSTRUCTION", description = "an edit the model learned: \"make the "
                + "red circle blue\", \"remove the square\" or \"add a green triangle at the top left\"")
        String instruction;

        @Option(names = "--temperature", paramLabel = "T", defaultValue = "0", description = "0 = greedy (the edit "
                + "the model finds most likely), higher = more varied; 0.." + (int) SamplingConfig.MAX_TEMPERATURE
                + " (default ${DEFAULT-VALUE})")
        double temperature;

        @Option(names = "--top-k", paramLabel = "K", defaultValue = "32", description = "sample only among the K most "
                + "likely codes; 0.." + SamplingConfig.MAX_TOP_K + ", 0 = all (default ${DEFAULT-VALUE})")
        int topK;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "any whole number; the same seed "
                + "draws the same edit (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--model", paramLabel = "NAME|FOLDER", defaultValue = UnifiedCheckpoint.ILLUME,
                description = "a model that trained on editing: the shipped one, a checkpoint folder, or last for the "
                        + "model trained last (default ${DEFAULT-VALUE})")
        String model;
    }

    @Command(name = "train")
    static final class TrainArgs {
        @Parameters(index = "0", paramLabel = "WHAT")
        String what;

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE")
        List<String> settings = List.of();
    }

    @Command(name = "curriculum")
    static final class CurriculumArgs {
        @Parameters(index = "0", paramLabel = "NAME", completionCandidates = EngineNames.OfCurricula.class,
                description = "a shipped curriculum (${COMPLETION-CANDIDATES}) or a curriculum JSON file; shows its "
                        + "stages: what each trains, on which tasks, for how long")
        String name;
    }

    @Command(name = "evaluate")
    static final class EvaluateArgs {
        @Option(names = "--model", paramLabel = "NAME|FOLDER", description = "repeat it to compare up to "
                + Evaluations.MAX_MODELS + " models: " + UnifiedCheckpoint.DEFAULT + " (shipped), a checkpoint folder, "
                + "or last (trained last); default " + UnifiedCheckpoint.DEFAULT)
        List<String> models;

        @Option(names = "--tasks", paramLabel = "T1,T2", split = ",", defaultValue = CaptionTask.NAME + ","
                + AnswerTask.NAME, description = "caption (attribute accuracy), answer (exact answers), generate "
                + "(text-to-image judged GenEval-style, about 8 s more per model), or any registered task with a text answer "
                + "(default ${DEFAULT-VALUE})")
        List<String> tasks;

        @Option(names = "--scenes", paramLabel = "N", defaultValue = "" + Evaluations.DEFAULT_SCENES, description =
                "held-out scenes to caption and question, 1.." + EvaluationSet.MAX_IMAGES + " (default ${DEFAULT-VALUE})")
        int scenes;
    }

    @Command(name = "corpus")
    static final class CorpusArgs {
        @Parameters(index = "0", paramLabel = "tokenize", description = "what to do with the corpus: tokenize")
        String action;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "folders (walked recursively), "
                + "files or globs such as photos/*.jpg; every file becomes a row, an unusable one an error row")
        List<String> inputs;

        @Option(names = "--out", paramLabel = "DIR", description = "the shards' folder (default: a new runs/corpus-<time>)")
        String out;

        @Option(names = "--tokenizer", paramLabel = "NAME|FOLDER", defaultValue = CorpusRun.DEFAULT_TOKENIZER,
                description = "a shipped grid tokenizer or a checkpoint folder (default ${DEFAULT-VALUE})")
        String tokenizer;

        @Option(names = "--master", paramLabel = "M", defaultValue = "local[*]", description = "Spark's master: "
                + "local[N], local[*] or spark://HOST:PORT (default ${DEFAULT-VALUE})")
        String master;

        @Option(names = "--resume", description = "continue a stopped run into --out")
        boolean resume;

        @Option(names = "--no-psnr", description = "skip measuring each image's reconstruction (about half the time)")
        boolean noPsnr;
    }

    /** Command name -> (usage, converter from the parsed picocli object to a request). */
    private record Entry(Object args, String usage, Function<Object, Magic> toRequest) {

        /** A command whose usage is drawn from its picocli annotations. */
        Entry(Object args, Function<Object, Magic> toRequest) {
            this(args, UsageText.of(args), toRequest);
        }
    }

    private MagicParser() {
    }

    private static Map<String, Entry> commands() {
        Map<String, Entry> m = new TreeMap<>();
        m.put("help", new Entry(new HelpArgs(), a -> new HelpRequest()));
        m.put("tokenize", new Entry(new TokenizeArgs(), a -> {
            TokenizeArgs t = (TokenizeArgs) a;
            return new TokenizeRequest(t.image.source(), option("--size", t.size, Images::checkSide),
                    knownTokenizer(t.tokenizer.name));
        }));
        m.put("codebook", new Entry(new CodebookArgs(), a -> {
            CodebookArgs c = (CodebookArgs) a;
            return new CodebookRequest(knownTokenizer(c.tokenizer.name),
                    option("--images", c.images.count, EvaluationSet::checkCount));
        }));
        m.put("compare", new Entry(new CompareArgs(), a -> {
            CompareArgs c = (CompareArgs) a;
            c.tokenizers.forEach(MagicParser::knownTokenizer);
            return new CompareRequest(c.tokenizers, EvaluationSet.Source.parse(c.data),
                    option("--images", c.images.count, EvaluationSet::checkCount));
        }));
        m.put("caption", new Entry(new CaptionArgs(), a -> {
            CaptionArgs c = (CaptionArgs) a;
            return new CaptionRequest(c.image.source(), c.model.name);
        }));
        m.put("ask", new Entry(new AskArgs(), a -> {
            AskArgs q = (AskArgs) a;
            return new AskRequest(q.image.source(), q.question, q.model.name);
        }));
        m.put("generate", new Entry(new GenerateArgs(), a -> {
            GenerateArgs g = (GenerateArgs) a;
            return new GenerateRequest(g.prompt, option("--n", g.n, UnifiedModel::checkImageCount),
                    new SamplingConfig(g.temperature, g.topK, g.topP, g.cfg, g.seed), g.model.name);
        }));
        m.put("edit", new Entry(new EditArgs(), a -> {
            EditArgs e = (EditArgs) a;
            return new EditRequest(e.image.source(), e.instruction, new SamplingConfig(e.temperature, e.topK, 1.0, 1.0,
                    e.seed), e.model);
        }));
        m.put("train", new Entry(new TrainArgs(), TrainForm.usages(), a -> {
            TrainArgs t = (TrainArgs) a;
            if ("unified".equals(t.what)) {
                return formed(TrainForm.UNIFIED, () -> new TrainUnifiedRequest(TrainSettings.parse(t.settings)));
            }
            if ("tokenizer".equals(t.what)) {
                return formed(TrainForm.TOKENIZER, () -> new TrainTokenizerRequest(TrainSettings.parseTokenizer(t.settings)));
            }
            if (TokenizerCheckpoint.SHIPPED.contains(t.what)) {
                throw new IllegalArgumentException("'train " + t.what + "': a tokenizer trains with 'train tokenizer recipe="
                        + t.what + "'; 'train unified' and 'train <curriculum>' train the language model");
            }
            if (!Curricula.SHIPPED.contains(t.what) && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(t.what))) {
                throw new IllegalArgumentException("'train " + t.what + "': there is no curriculum of that name or file; use "
                        + "'train unified', a shipped curriculum (" + String.join(", ", Curricula.SHIPPED)
                        + "), a curriculum JSON file, or 'train tokenizer' for an image tokenizer");
            }
            return new TrainCurriculumRequest(TrainSettings.parseCurriculum(t.what, t.settings));
        }));
        m.put("corpus", new Entry(new CorpusArgs(), a -> {
            CorpusArgs c = (CorpusArgs) a;
            if (!"tokenize".equals(c.action)) {
                throw new IllegalArgumentException("'corpus " + c.action + "': the corpus command is 'corpus tokenize INPUT...'");
            }
            if (c.resume && c.out == null) {
                throw new IllegalArgumentException("--resume continues a stopped run: name its folder with --out");
            }
            return new CorpusTokenizeRequest(new CorpusRun(c.inputs, c.out == null ? CorpusRun.defaultOutput()
                    : java.nio.file.Path.of(c.out), c.tokenizer, c.master, !c.noPsnr, c.resume));
        }));
        m.put("curriculum", new Entry(new CurriculumArgs(), a -> {
            CurriculumArgs c = (CurriculumArgs) a;
            Curricula.get(c.name);  // an unknown name is a parse error, named with the shipped ones
            return new CurriculumRequest(c.name);
        }));
        m.put("evaluate", new Entry(new EvaluateArgs(), a -> {
            EvaluateArgs e = (EvaluateArgs) a;
            return new EvaluateRequest(e.models == null ? List.of(UnifiedCheckpoint.DEFAULT) : e.models,
                    e.tasks.stream().map(String::strip).toList(), option("--scenes", e.scenes, EvaluationSet::checkCount));
        }));
        return m;
    }

    /** {@code parse}'s request; a setting it refuses is reported with {@code form}'s usage alone, not every train form's. */
    private static Magic formed(TrainForm form, java.util.function.Supplier<Magic> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new MagicParseException(e.getMessage(), form.usage());
        }
    }

    private static String knownTokenizer(String name) {
        if (!TokenizerCheckpoint.SHIPPED.contains(name)) {
            throw new IllegalArgumentException("unknown tokenizer '" + name + "': use one of "
                    + String.join(", ", TokenizerCheckpoint.SHIPPED));
        }
        return name;
    }

    /** {@code value} checked by the engine's own rule, its message prefixed with the option that gave it. */
    private static int option(String name, int value, IntUnaryOperator check) {
        try {
            return check.applyAsInt(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + value + " is out of range: " + e.getMessage(), e);
        }
    }

    /** Every command's usage, for {@code %tessera help}. */
    public static String help() {
        StringBuilder sb = new StringBuilder("Tessera magics (one per line, in cells after the one that loads Tessera):\n");
        commands().values().forEach(e -> sb.append('\n').append(e.usage()).append('\n'));
        return sb.toString();
    }

    /**
     * Parses and validates the text after {@code %tessera} without running anything: the request
     * it returns has every number checked against the engine's caps. Throws only
     * {@link MagicParseException}, naming the problem; {@link Magics#run} starts with it.
     */
    /** The longest line a magic reads; longer ones are refused at once, whatever they hold. */
    static final int MAX_LINE_CHARS = 4096;

    static Magic parse(String line) {
        if (line.length() > MAX_LINE_CHARS) {
            // refused before any splitting or option parsing, whose cost grows with the line
            throw new MagicParseException("this %tessera line has " + line.length() + " characters; a line has at most "
                    + MAX_LINE_CHARS + ". Put long text (a curriculum, many models) in a file and name the file", help());
        }
        List<String> words = LineSplitter.split(line);
        if (words.isEmpty()) {
            return new HelpRequest();
        }
        Map<String, Entry> commands = commands();
        Entry entry = commands.get(words.get(0));
        if (entry == null) {
            throw new MagicParseException("unknown command '" + words.get(0) + "'; the commands are "
                    + String.join(", ", commands.keySet()), help());
        }
        // @file arguments are words of the line, never files of arguments to read
        CommandLine cl = new CommandLine(entry.args()).setExpandAtFiles(false);
        try {
            cl.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        } catch (CommandLine.PicocliException e) {
            throw new MagicParseException(e.getMessage(), entry.usage());
        }
        try {
            return entry.toRequest().apply(entry.args());
        } catch (IllegalArgumentException e) {
            throw new MagicParseException(e.getMessage(), entry.usage());
        }
    }

    /** The usage of the command a line names, or the full help when it names none. */
    static String usageFor(String line) {
        List<String> words = LineSplitter.split(line);
        Entry e = words.isEmpty() ? null : commands().get(words.get(0));
        return e == null ? help() : e.usage();
    }
}
