package dev.tessera.render;

import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import dev.tessera.engine.train.TrainingBoard;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingRenderersTest {

    private static final Path RUN = Path.of("runs/unified-notebook");

    @Test
    void aRunningBoardShowsProgressRatesLossesAndTheChart() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.running(3, 10));
        String html = b.get("text/html");
        assertThat(html).contains("step 3/10").contains("30.0%").contains("width:30.0%")
                .contains("2.50 steps/s · 12,346 tokens/s · elapsed 1s · ETA 3s · 0 skipped steps")
                .contains("<svg").contains("● running: checkpoints go to runs/unified-notebook");
        StepLoss last = UnifiedFixtures.history(3).get(2);
        assertThat(html).contains(">" + Format.loss(last.loss()) + "<", ">" + Format.loss(last.textNll()) + "<",
                ">" + Format.loss(last.imageNll()) + "<");
        assertThat(b.get("text/plain")).startsWith("step 3/10 (30.0%) loss 5.619 (text 4.495, image 6.181), 2.50 steps/s, ETA 3s, 0 skipped; "
                + "● running").doesNotContain("\n");
    }

    @Test
    void beforeTheFirstStepThereIsNoChart() {
        String html = Renderers.mimeBundle(new TrainingBoard(RUN, null, List.of(), false, false)).get("text/html");
        assertThat(html).contains("waiting for the first step").doesNotContain("<svg");
    }

    @Test
    void aFinishedBoardSaysWhereTheModelIs() {
        TrainingBoard done = new TrainingBoard(RUN, UnifiedFixtures.progress(10, 10), UnifiedFixtures.history(10), true, false);
        assertThat(Renderers.mimeBundle(done).get("text/html")).contains("✓ finished at step 10: the model is in "
                + "runs/unified-notebook; use it with --model runs/unified-notebook").doesNotContain("ETA");
    }

    @Test
    void aBoardThatKnowsItsVocabularyDrawsTheUniformGuess() {
        TrainingBoard b = new TrainingBoard(RUN, UnifiedFixtures.progress(10, 10), UnifiedFixtures.history(10), false, false);
        assertThat(Renderers.mimeBundle(b).get("text/html")).doesNotContain("uniform guess");
        assertThat(b.uniformGuess()).isNaN();
        TrainingBoard known = b.withVocabularySize(1375);
        assertThat(known.uniformGuess()).isEqualTo(Math.log(1375));
        assertThat(Renderers.mimeBundle(known).get("text/html")).contains("uniform guess: ln 1375 = 7.2 nats");
        assertThatThrownBy(() -> b.withVocabularySize(-1)).hasMessageContaining("vocabularySize must be >= 0");
    }

    @Test
    void anInterruptedBoardSaysHowToContinue() {
        TrainingBoard stopped = new TrainingBoard(RUN, UnifiedFixtures.progress(4, 10), UnifiedFixtures.history(4), true, true);
        assertThat(Renderers.mimeBundle(stopped).get("text/html")).contains("⏸ interrupted at step 4: the checkpoint in "
                + "runs/unified-notebook holds every finished step; resume=true continues it").contains(Palette.WARN);
    }

    @Test
    void theCheckpointFolderIsEscaped() {
        TrainingBoard b = new TrainingBoard(Path.of("runs/<b>"), null, List.of(), false, false);
        assertThat(Renderers.mimeBundle(b).get("text/html")).contains("runs/&lt;b&gt;").doesNotContain("<b>");
    }

    @Test
    void aCurriculumBoardSaysWhichStageRunsAndHowFarItAndTheWholeRunAre() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.staged(840, false, false));
        String header = "stage 2/3 · example-weighted · step 40/100 of this stage · overall 840/1100";
        assertThat(b.get("text/html")).contains(">" + header + "<", ">76.4%<", "width:76.4%")
                .contains("● running: checkpoints go to runs/scenes, one folder per stage;");
        assertThat(b.get("text/plain")).startsWith(header + " (76.4%) loss ");
        String chart = b.get("text/html").substring(b.get("text/html").indexOf("<svg"));
        assertThat(chart).contains("example-weighted", "task: caption").doesNotContain("polish");
    }

    @Test
    void aGuardedCurriculumShowsEachTextPerplexityReadingAndWarnsOfARiseBeyondItsTolerance() {
        TrainingBoard staged = UnifiedFixtures.staged(1100, true, false);
        List<dev.tessera.engine.train.GuardReading> readings = List.of(
                new dev.tessera.engine.train.GuardReading("start", 0, 812.5, Double.NaN, false),
                new dev.tessera.engine.train.GuardReading("tasks", 800, 41.25, 41.25 / 812.5 - 1, false),
                new dev.tessera.engine.train.GuardReading("example-weighted", 900, 41.25, 0.0, false),
                new dev.tessera.engine.train.GuardReading("polish", 1100, 43.0, 43.0 / 41.25 - 1, true));
        TrainingBoard b = new TrainingBoard(staged.checkpoint(), staged.latest(), staged.history(), staged.stages(), true,
                false, readings);
        Map<String, String> bundle = Renderers.mimeBundle(b);
        String html = bundle.get("text/html");
        assertThat(html).contains("text guard: held-out text perplexity",
                "text guard before the first stage (step 0): held-out perplexity 812.50<",
                "text guard after tasks (step 800): held-out perplexity 41.25 (-94.92%)<",
                "text guard after example-weighted (step 900): held-out perplexity 41.25 (+0.00%)<",
                "text guard after polish (step 1100): held-out perplexity 43.00 (+4.24%) -- ROSE MORE THAN THE GUARD ALLOWS");
        String polish = html.substring(html.lastIndexOf("border-left", html.indexOf("after polish")));
        assertThat(polish).startsWith("border-left:4px solid " + Palette.WARN);
        assertThat(bundle.get("text/plain")).contains("text guard after polish (step 1100): held-out perplexity 43.00");
        assertThat(Renderers.mimeBundle(staged).get("text/html")).doesNotContain("text guard");
    }

    @Test
    void theLastStepOfAStageStillCountsForThatStage() {
        assertThat(TrainingRenderers.progress(UnifiedFixtures.staged(800, false, false)))
                .contains(">stage 1/3 · tasks · step 800/800 of this stage · overall 800/1100<");
        assertThat(TrainingRenderers.progress(UnifiedFixtures.staged(801, false, false)))
                .contains(">stage 2/3 · example-weighted · step 1/100 of this stage · overall 801/1100<");
    }

    @Test
    void anInterruptedCurriculumSaysToRunTheSameLineOnTheSameFolder() {
        String html = Renderers.mimeBundle(UnifiedFixtures.staged(840, true, true)).get("text/html");
        assertThat(html).contains("⏸ interrupted at step 840: the checkpoints in runs/scenes hold every finished step; to "
                + "resume, run the same %tessera train line again with out=runs/scenes").doesNotContain("resume=true");
    }

    @Test
    void aFinishedCurriculumNamesTheLastStagesCheckpoint() {
        String last = Path.of("runs/scenes").resolve("3-polish").toString();
        assertThat(Renderers.mimeBundle(UnifiedFixtures.staged(1100, true, false)).get("text/html"))
                .contains("✓ finished at step 1100: the model is in " + last + " (the last stage's checkpoint); use it with "
                        + "--model " + last);
    }

    @Test
    void theLossesShowEachTaskOfTheLastStep() {
        TrainingBoard b = UnifiedFixtures.staged(840, false, false);
        StepLoss last = b.history().get(b.history().size() - 1);
        String html = Renderers.mimeBundle(b).get("text/html");
        String strip = html.substring(html.indexOf("tessera-losses"), html.indexOf("<svg"));
        assertThat(strip).contains(">task: caption<", ">" + Format.loss(last.tasks().get("caption")) + "<",
                Palette.series(0), ">task: answer<", Palette.series(1));
        // step 840 is a multiple of three: its batch had no answer
        assertThat(strip).contains(">task: answer</div><div style=\"font-size:18px;font-weight:600\">" + Format.UNKNOWN + "<");
        assertThat(Renderers.mimeBundle(b).get("text/plain"))
                .contains("; tasks: caption " + Format.loss(last.tasks().get("caption")) + ")");
    }

    @Test
    void beforeTheFirstHistoryEntryTheTaskLossesComeFromTheProgress() {
        TrainingProgress p = new TrainingProgress(1, 10, 3, Map.of("text", 2.0, "image", 4.0, "task:caption", 1.25,
                "task:answer", 0.5), 1, 1, 100);
        String html = Renderers.mimeBundle(new TrainingBoard(RUN, p, List.of(), false, false)).get("text/html");
        assertThat(html).contains(">task: caption<", ">1.250<", ">task: answer<", ">0.500<").doesNotContain("<svg");
    }

    @Test
    void aSingleRunsHeaderAndStatusAreUnchangedByTheStages() {
        String html = Renderers.mimeBundle(UnifiedFixtures.running(3, 10)).get("text/html");
        assertThat(html).contains(">step 3/10<").doesNotContain("stage", "task:");
    }

    @Test
    void thinningAveragesEqualRunsOfStepsEndingAtTheirLastStep() {
        List<StepLoss> h = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            h.add(new StepLoss(s, s, 2 * s, 3 * s));
        }
        // runs of ceil(10 / 4) = 3 steps: 1..3, 4..6, 7..9 and 10 alone
        assertThat(LossChart.thin(h, 4)).containsExactly(new StepLoss(3, 2, 4, 6), new StepLoss(6, 5, 10, 15),
                new StepLoss(9, 8, 16, 24), new StepLoss(10, 10, 20, 30));
        assertThat(LossChart.thin(h, 10)).isSameAs(h);
    }

    @Test
    void thinningSkipsLossesThatAreNotFinite() {
        List<StepLoss> h = List.of(new StepLoss(1, 1, Double.NaN, Double.NaN), new StepLoss(2, 3, 2, Double.NaN));
        assertThat(LossChart.thin(h, 1)).containsExactly(new StepLoss(2, 2, 2, Double.NaN));
    }

    @Test
    void aLongRunIsDrawnFromAtMostFiveHundredPoints() {
        List<StepLoss> h = UnifiedFixtures.history(6000);
        assertThat(LossChart.thin(h, LossChart.MAX_POINTS)).hasSize(500);
        assertThat(LossChart.svg(h)).startsWith("<svg").contains("each point: the mean of 12 steps");
    }

    @Test
    void missingLossesAndASingleStepStillDraw() {
        assertThat(LossChart.svg(List.of(new StepLoss(1, 2.5, 2.0, Double.NaN)))).startsWith("<svg");
        List<StepLoss> h = new ArrayList<>(UnifiedFixtures.history(20));
        h.set(5, new StepLoss(6, 3, 2, Double.NaN));
        assertThat(LossChart.svg(h)).startsWith("<svg").contains("every step");
    }

    @Test
    void theResultIsOneLine() {
        UnifiedTrainingResult done = new UnifiedTrainingResult(150, false, 151,
                List.of(new StepLoss(149, 2, 2, 2), new StepLoss(150, 1.5, 1.25, 1.75)), 12345.6, 0);
        Map<String, String> b = Renderers.mimeBundle(done);
        assertThat(b.get("text/plain")).isEqualTo("✓ trained to step 150 · 2m 31s this run · 12,346 tokens/s · final loss "
                + "1.500 (text 1.250, image 1.750)");
        assertThat(b.get("text/html")).contains(b.get("text/plain")).doesNotContain("<svg", "<table", "<br");
    }

    @Test
    void anInterruptedResultSaysHowToContinueAndCountsSkippedSteps() {
        UnifiedTrainingResult stopped = new UnifiedTrainingResult(80, true, 42, UnifiedFixtures.history(80), 9000, 2);
        assertThat(Renderers.mimeBundle(stopped).get("text/plain")).startsWith("⏸ interrupted at step 80 · 42s this run")
                .contains("2 steps skipped (gradient not finite)").endsWith("resume=true continues it");
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(Format.duration(42.4)).isEqualTo("42s");
        assertThat(Format.duration(185)).isEqualTo("3m 05s");
        assertThat(Format.duration(3720)).isEqualTo("1h 02m");
        assertThat(Format.duration(Double.NaN)).isEqualTo(Format.UNKNOWN);
    }
}
