package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.image.ImageSource;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Parses {@code %tessera} lines into typed {@link Magic} requests with picocli: one picocli
 * command class per magic, converted to its request record.
 */
public final class MagicParser {

    @Command(name = "help")
    static final class HelpArgs {
    }

    @Command(name = "tokenize")
    static final class TokenizeArgs {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "an image path or sample:N")
        String image;

        @Option(names = "--size", defaultValue = "64")
        int size;

        @Option(names = "--tokenizer", defaultValue = TokenizerCheckpoint.DEFAULT)
        String tokenizer;
    }

    @Command(name = "codebook")
    static final class CodebookArgs {
        @Option(names = "--tokenizer", defaultValue = TokenizerCheckpoint.DEFAULT)
        String tokenizer;

        @Option(names = "--images", defaultValue = "256")
        int images;
    }

    @Command(name = "compare")
    static final class CompareArgs {
        @Parameters(arity = "1..*", paramLabel = "TOKENIZER")
        List<String> tokenizers;

        @Option(names = "--data", defaultValue = "scenes")
        String data;

        @Option(names = "--images", defaultValue = "256")
        int images;
    }

    @Command(name = "caption")
    static final class CaptionArgs {
        @Parameters(index = "0", paramLabel = "IMAGE")
        String image;

        @Option(names = "--model", defaultValue = UnifiedCheckpoint.DEFAULT)
        String model;
    }

    @Command(name = "ask")
    static final class AskArgs {
        @Parameters(index = "0", paramLabel = "IMAGE")
        String image;

        @Parameters(index = "1", paramLabel = "QUESTION")
        String question;

        @Option(names = "--model", defaultValue = UnifiedCheckpoint.DEFAULT)
        String model;
    }

    @Command(name = "generate")
    static final class GenerateArgs {
        @Parameters(index = "0", paramLabel = "PROMPT")
        String prompt;

        @Option(names = "--n", defaultValue = "8")
        int n;

        @Option(names = "--temperature", defaultValue = "0.8")
        double temperature;

        @Option(names = "--top-k", defaultValue = "32")
        int topK;

        @Option(names = "--top-p", defaultValue = "1.0")
        double topP;

        @Option(names = "--cfg", defaultValue = "2.0")
        double cfg;

        @Option(names = "--seed", defaultValue = "0")
        long seed;

        @Option(names = "--model", defaultValue = UnifiedCheckpoint.DEFAULT)
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
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
    }

    @Command(name = "evaluate")
    static final class EvaluateArgs {
        @Option(names = "--model", paramLabel = "NAME|FOLDER")
        List<String> models;

        @Option(names = "--tasks", split = ",", defaultValue = CaptionTask.NAME + "," + AnswerTask.NAME)
        List<String> tasks;

        @Option(names = "--scenes", defaultValue = "" + Evaluations.DEFAULT_SCENES)
        int scenes;
    }

    /** Command name -> (usage, converter from the parsed picocli object to a request). */
    private record Entry(Object args, String usage, Function<Object, Magic> toRequest) {
    }

    private MagicParser() {
    }

    private static Map<String, Entry> commands() {
        Map<String, Entry> m = new TreeMap<>();
        m.put("help", new Entry(new HelpArgs(), "Usage: %tessera help", a -> new HelpRequest()));
        m.put("tokenize", new Entry(new TokenizeArgs(), TokenizeRequest.USAGE, a -> {
            TokenizeArgs t = (TokenizeArgs) a;
            return new TokenizeRequest(ImageSource.parse(t.image), option("--size", t.size, Images::checkSide),
                    knownTokenizer(t.tokenizer));
        }));
        m.put("codebook", new Entry(new CodebookArgs(), CodebookRequest.USAGE, a -> {
            CodebookArgs c = (CodebookArgs) a;
            return new CodebookRequest(knownTokenizer(c.tokenizer), option("--images", c.images, EvaluationSet::checkCount));
        }));
        m.put("compare", new Entry(new CompareArgs(), CompareRequest.USAGE, a -> {
            CompareArgs c = (CompareArgs) a;
            c.tokenizers.forEach(MagicParser::knownTokenizer);
            return new CompareRequest(c.tokenizers, EvaluationSet.Source.parse(c.data),
                    option("--images", c.images, EvaluationSet::checkCount));
        }));
        m.put("caption", new Entry(new CaptionArgs(), CaptionRequest.USAGE, a -> {
            CaptionArgs c = (CaptionArgs) a;
            return new CaptionRequest(ImageSource.parse(c.image), c.model);
        }));
        m.put("ask", new Entry(new AskArgs(), AskRequest.USAGE, a -> {
            AskArgs q = (AskArgs) a;
            return new AskRequest(ImageSource.parse(q.image), q.question, q.model);
        }));
        m.put("generate", new Entry(new GenerateArgs(), GenerateRequest.USAGE, a -> {
            GenerateArgs g = (GenerateArgs) a;
            return new GenerateRequest(g.prompt, option("--n", g.n, UnifiedModel::checkImageCount),
                    new SamplingConfig(g.temperature, g.topK, g.topP, g.cfg, g.seed), g.model);
        }));
        m.put("train", new Entry(new TrainArgs(), TrainUnifiedRequest.USAGE + "\n" + TrainCurriculumRequest.USAGE, a -> {
            TrainArgs t = (TrainArgs) a;
            if ("unified".equals(t.what)) {
                return new TrainUnifiedRequest(TrainSettings.parse(t.settings));
            }
            if (TokenizerCheckpoint.SHIPPED.contains(t.what) || t.what.equals("tokenizer")) {
                throw new IllegalArgumentException("'train " + t.what + "' is not a training Tessera runs in a notebook; "
                        + "use 'train unified' or 'train <curriculum>' (tokenizers train with ./tessera engine train-tokenizer)");
            }
            if (!Curricula.SHIPPED.contains(t.what) && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(t.what))) {
                throw new IllegalArgumentException("'train " + t.what + "': there is no curriculum of that name or file; use "
                        + "'train unified', a shipped curriculum (" + String.join(", ", Curricula.SHIPPED)
                        + ") or a curriculum JSON file");
            }
            return new TrainCurriculumRequest(TrainSettings.parseCurriculum(t.what, t.settings));
        }));
        m.put("curriculum", new Entry(new CurriculumArgs(), CurriculumRequest.USAGE, a -> {
            CurriculumArgs c = (CurriculumArgs) a;
            Curricula.get(c.name);  // an unknown name is a parse error, named with the shipped ones
            return new CurriculumRequest(c.name);
        }));
        m.put("evaluate", new Entry(new EvaluateArgs(), EvaluateRequest.USAGE, a -> {
            EvaluateArgs e = (EvaluateArgs) a;
            return new EvaluateRequest(e.models == null ? List.of(UnifiedCheckpoint.DEFAULT) : e.models,
                    e.tasks.stream().map(String::strip).toList(), option("--scenes", e.scenes, EvaluationSet::checkCount));
        }));
        return m;
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
    static Magic parse(String line) {
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
