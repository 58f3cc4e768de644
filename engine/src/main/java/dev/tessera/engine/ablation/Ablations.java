package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.task.AssessTask;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.PromptedGenerateTask;
import dev.tessera.engine.task.RealPairsTask;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.task.TextTask;
import dev.tessera.engine.unified.CodebookAlignment;
import dev.tessera.engine.unified.UnifiedCheckpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shipped ablations, by name. */
public final class Ablations {

    /** Names of the shipped ablations. */
    public static final List<String> SHIPPED = List.of("unicode", "stacked", "teal", "prompts", "self-enhance",
            "setok", "semantic");

    private Ablations() {
    }

    /** The shipped ablation {@code name}, or a clear error listing them. */
    public static Ablation get(String name) {
        if ("unicode".equals(name)) {
            return unicode();
        }
        if ("teal".equals(name)) {
            return teal();
        }
        if ("stacked".equals(name)) {
            return stacked();
        }
        if ("prompts".equals(name)) {
            return prompts();
        }
        if ("self-enhance".equals(name)) {
            return selfEnhance();
        }
        if ("setok".equals(name)) {
            return setok();
        }
        if ("semantic".equals(name)) {
            return semantic();
        }
        throw new IllegalArgumentException("no ablation '" + name + "'; shipped: " + SHIPPED);
    }

    /**
     * UniCode's alignment ablation (arXiv 2403.09072): the first stage of the shipped
     * {@code unicode} curriculum with each {@link CodebookAlignment.Mode} that trains the
     * tokenizer (one-way pull, frozen model table, two-way, none), every other setting equal. The
     * paper found the one-way pull best and freezing the table or swapping both ways much worse.
     */
    public static Ablation unicode() {
        Curriculum base = Curricula.get("unicode").upTo("aligned");
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        for (CodebookAlignment.Mode mode : List.of(CodebookAlignment.Mode.ONE_WAY, CodebookAlignment.Mode.FROZEN_LM_TABLE,
                CodebookAlignment.Mode.TWO_WAY, CodebookAlignment.Mode.NONE)) {
            arms.put(mode.id(), base.mapStages(s -> {
                CodebookAlignment a = s.training().alignment();
                return s.withTraining(s.training().withAlignment(new CodebookAlignment(mode, a.every(), a.lambda())));
            }));
        }
        return new Ablation("unicode", "UniCode's language-driven codebook alignment: how the visual codebook and the "
                + "model's image table meet (one-way pull, frozen model table, two-way, none); the paper found one-way best",
                arms);
    }

    /**
     * UniCode's stacked tokens (arXiv 2403.09072) against flat FSQ ids at the same 64 image
     * positions: the first stage of the shipped {@code unicode-stacked} curriculum (the three scene
     * tasks from scratch) over {@code fsq-shapes32} (arm {@code fsq}, the shipped model's tokenizer,
     * one id per position), and over the residual {@code rvq2-shapes32} and {@code rvq4-shapes32}
     * read as one summed embedding per position with a depth transformer writing the levels (arms
     * {@code stacked2}, {@code stacked4}). Same steps, batch, schedule and seed; the image tokens
     * differ, and with them the stacked arms' small depth transformer that writes the levels. Image NLL is per id, so a 4-level image's 256 ids are not comparable to FSQ's
     * 64 id by id: compare judged text-to-image, and NLL times ids per image (its code length).
     */
    public static Ablation stacked() {
        Curriculum base = Curricula.get("unicode-stacked").upTo("pretrain");
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        arms.put("fsq", new Curriculum("stacked-fsq", "flat FSQ ids, one per position", "small", base.stages(), null));
        arms.put("stacked2", new Curriculum("stacked-2", "2 residual levels summed per position", "small-stacked2",
                base.stages(), null));
        arms.put("stacked4", new Curriculum("stacked-4", "4 residual levels summed per position", "small-stacked4",
                base.stages(), null));
        return new Ablation("stacked", "UniCode's stacked tokens: one summed embedding per position over 2 or 4 residual "
                + "levels, against flat FSQ ids at the same 64 positions, every training setting equal", arms);
    }

    /**
     * TEAL's frozen language model against full fine-tuning (arXiv 2311.04589), both from the
     * shipped text-pretrained model {@code teal-text} (the first stage of the {@code teal}
     * curriculum): arm {@code frozen} is the curriculum's two frozen stages (projections, then image
     * embedding, output, projections, biases and norms), arm {@code frozen-replay} the same with the
     * text task in the second stage's mix (weight 1 beside the three scene tasks' 1 each; arm
     * {@code frozen-replay3} at weight 3, half of each batch), arm
     * {@code full} trains every weight for as many steps with the second stage's recipe. Each run carries the curriculum's text-guard
     * readings, so the cost to text is read beside the image and caption scores.
     */
    public static Ablation teal() {
        Curriculum teal = Curricula.get("teal");
        Stage projections = teal.stage("projections").withStart(Stage.SHIPPED + TEAL_TEXT);
        Stage adapt = teal.stage("adapt");
        Stage full = new Stage("full", Stage.SHIPPED + TEAL_TEXT, adapt.training().withTrainable(List.of())
                .withSteps(projections.training().steps() + adapt.training().steps()));
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        arms.put("frozen", new Curriculum("teal-frozen", "the teal curriculum's frozen stages from teal-text", teal.model(),
                List.of(projections, adapt), teal.guard()));
        arms.put("frozen-replay", new Curriculum("teal-frozen-replay", "the frozen stages, the second with text replayed",
                teal.model(), List.of(projections, replayed(adapt, 1.0)), teal.guard()));
        arms.put("frozen-replay3", new Curriculum("teal-frozen-replay3", "the frozen stages, the second with text "
                + "replayed at weight 3 (half of each batch)", teal.model(), List.of(projections, replayed(adapt, 3.0)),
                teal.guard()));
        arms.put("full", new Curriculum("teal-full", "every weight trained from teal-text", teal.model(), List.of(full),
                teal.guard()));
        return new Ablation("teal", "TEAL's frozen language model against full fine-tuning, both from the text-pretrained "
                + "teal-text: what each costs the model's text (held-out perplexity) and what each gains on the scene tasks",
                arms);
    }

    /**
     * Whether text-to-image learns GenEval's categories from the prompt grammar's phrasings: both
     * arms continue the shipped {@code unified-shapes32} for the shipped {@code prompts}
     * curriculum's steps with captioning and questions in the mix; arm {@code grammar} draws its
     * text-to-image prompts from {@code generate-prompts} (a grammar phrasing of the scene, or its
     * caption a quarter of the time), arm {@code captions} from captions alone ({@code generate}),
     * so both see the same scenes, steps and schedule and only the prompts' wording differs.
     */
    public static Ablation prompts() {
        Curriculum grammar = Curricula.get("prompts");
        Stage stage = grammar.stages().get(0);
        Map<String, Double> plain = new LinkedHashMap<>();
        stage.training().mix().weights().forEach((task, w) ->
                plain.put(PromptedGenerateTask.NAME.equals(task) ? GenerateTask.NAME : task, w));
        Stage captions = stage.withTraining(stage.training().withMix(new TaskMix(plain, stage.training().mix().promptDropout())));
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        arms.put("captions", new Curriculum("prompts-captions", "text-to-image from captions alone", grammar.model(),
                List.of(captions), null));
        arms.put("grammar", grammar);
        return new Ablation("prompts", "text-to-image prompts from the GenEval grammar's phrasings against captions alone, "
                + "both continuing the shipped model for the same steps: what each gains per GenEval category", arms);
    }

    /** Steps of the self-enhancement stage: a continuation of the shipped illume model's fine-tuning. */
    public static final int SELF_ENHANCE_STEPS = 300;

    /**
     * ILLUME's self-enhancing alignment (arXiv 2412.06673) against as much extra real data: both
     * arms continue the shipped {@code illume-shapes32} (the {@code illume} curriculum's result) for
     * {@value #SELF_ENHANCE_STEPS} more steps of its fine-tuning stage, same recipe and mix (caption,
     * generate-prompts, answer, edit). Arm {@code with} adds the self-assessment dialogues of the
     * shipped pool ({@value AssessTask#NAME}: the model's own drawings, assessed by
     * {@code assessor-tokens32}, a misaligned one followed by a real image of its prompt); arm
     * {@code without} adds, at the same weight, text-to-image pairs of the same prompts with their
     * real images ({@value RealPairsTask#NAME}), so both see as many extra sequences over the same
     * prompts and real images and only the assessment differs. The paper reports GenEval 0.56 ->
     * 0.59 and MME-P 1358.6 -> 1446.7 with self-enhancement.
     */
    public static Ablation selfEnhance() {
        Curriculum illume = Curricula.get("illume");
        Stage sft = illume.stage("sft");
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        for (String arm : List.of("without", "with")) {
            Map<String, Double> mix = new LinkedHashMap<>(sft.training().mix().weights());
            mix.put("with".equals(arm) ? AssessTask.NAME : RealPairsTask.NAME, 1.0);
            Stage more = new Stage("self-enhance", Stage.SHIPPED + UnifiedCheckpoint.ILLUME,
                    sft.training().withSteps(SELF_ENHANCE_STEPS)
                            .withMix(new TaskMix(mix, sft.training().mix().promptDropout())));
            arms.put(arm, new Curriculum("self-enhance-" + arm, "with".equals(arm)
                    ? "illume-shapes32's fine-tuning continued with its self-assessment dialogues"
                    : "illume-shapes32's fine-tuning continued with as many real text-to-image pairs of the same prompts",
                    illume.model(), List.of(more), null));
        }
        return new Ablation("self-enhance", "ILLUME's self-enhancing alignment: the model's own drawings with the "
                + "assessor's verdicts and corrections, against as many real text-to-image pairs of the same prompts, both "
                + "continuing illume-shapes32's fine-tuning for the same steps", arms);
    }

    /**
     * SeTok's dynamic tokens (arXiv 2406.05127) against the fixed grid in the unified model: the
     * shipped {@code setok} curriculum (captioning and questions from scratch) over
     * {@code setok-shapes32}, each image a span of a content code and a centre id per token (arm
     * {@code setok}, model {@code small-setok}), and over {@code fsq-shapes32}'s 8x8 grid, 64 ids
     * an image (arm {@code grid}, model {@code small}). Same 32 px scenes, transformer, steps,
     * batch, schedule and seed; the image ids differ, counted from {@code <boi>} to {@code <eoi>}
     * inclusive with the centres ({@link ArmMetrics#imageIds}).
     */
    public static Ablation setok() {
        Curriculum setok = Curricula.get("setok");
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        arms.put("grid", new Curriculum("setok-grid", "the same stage over fsq-shapes32's 8x8 grid", "small",
                setok.stages(), null));
        arms.put("setok", setok);
        return new Ablation("setok", "SeTok's variable-length spans of dynamic tokens (a content code and a centre id "
                + "each) against the fixed 8x8 grid, captioning and questions from scratch, every training setting equal: "
                + "caption and answer accuracy against the image ids each costs", arms);
    }

    /** Steps of each run of the {@code semantic} ablation. */
    public static final int SEMANTIC_STEPS = 1000;

    /**
     * ILLUME's semantic image tokens (arXiv 2412.06673) against pixel tokens with as many codes and
     * positions: the first stage of the shipped {@code unicode-stacked} curriculum (captioning,
     * text-to-image and questions from scratch, batch 32, its schedule) cut to
     * {@value #SEMANTIC_STEPS} steps, over {@code fsq-shapes32} (arm {@code pixel}, model
     * {@code small}: 8x8 FSQ [8,5,5,5] codes trained to reconstruct pixels) and over
     * {@code sem-shapes32} (arm {@code semantic}, model {@code small-semantic}: 8x8 FSQ [8,5,5,5]
     * codes trained to reconstruct a self-supervised encoder's features). Same transformer, scenes,
     * steps, batch, schedule and seed; each run is also measured after 250, 500 and 750 steps, so
     * the curves show ILLUME's claim that semantic tokens are learnt faster.
     */
    public static Ablation semantic() {
        Stage pretrain = Curricula.get("unicode-stacked").stage("pretrain");
        Stage stage = pretrain.withTraining(pretrain.training().withSteps(SEMANTIC_STEPS));
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        arms.put("pixel", new Curriculum("semantic-pixel", "the three scene tasks over fsq-shapes32's pixel codes", "small",
                List.of(stage), null));
        arms.put("semantic", new Curriculum("semantic-semantic", "the three scene tasks over sem-shapes32's semantic codes",
                "small-semantic", List.of(stage), null));
        return new Ablation("semantic", "ILLUME's semantic image tokens (codes trained to reconstruct a self-supervised "
                + "encoder's features) against pixel tokens of as many codes and positions, captioning, text-to-image and "
                + "questions from scratch, every training setting equal: accuracy against training steps", arms,
                List.of(250, 500, 750));
    }

    /** {@code adapt} with the text task replayed at {@code weight} beside the scene tasks' 1 each. */
    private static Stage replayed(Stage adapt, double weight) {
        Map<String, Double> replay = new LinkedHashMap<>(adapt.training().mix().weights());
        replay.put(TextTask.NAME, weight);
        return adapt.withTraining(adapt.training().withMix(new TaskMix(replay, adapt.training().mix().promptDropout())));
    }

    /** The shipped first stage of the teal curriculum, the start of every TEAL arm. */
    public static final String TEAL_TEXT = "teal-text";
}
