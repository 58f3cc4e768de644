package dev.tessera.render;

import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.StageResult;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurriculumResultRendererTest {

    private static UnifiedTrainingResult trained(int steps, boolean interrupted) {
        return new UnifiedTrainingResult(steps, interrupted, 12.0, List.of(new StepLoss(steps, 0.5, 0.4, 0.6)), 1000, 0);
    }

    @Test
    void aFinishedCurriculumSaysEachStageAndWhereTheModelIs() {
        CurriculumResult r = new CurriculumResult("colours", Path.of("runs/c"), List.of(
                new StageResult("busy-scenes", Path.of("runs/c/1-busy-scenes"), null),
                new StageResult("all-scenes", Path.of("runs/c/2-all-scenes"), trained(150, false))), false);
        String text = Renderers.mimeBundle(r).get("text/plain");
        assertThat(text).contains("busy-scenes: ✓ trained by an earlier run").contains("all-scenes: ✓ trained to step 150")
                .contains("curriculum colours finished: the model is runs/c/2-all-scenes").doesNotContain("resume=true");
    }

    @Test
    void anInterruptedCurriculumSaysHowToResumeIt() {
        CurriculumResult r = new CurriculumResult("colours", Path.of("runs/c"), List.of(
                new StageResult("busy-scenes", Path.of("runs/c/1-busy-scenes"), trained(40, true))), true);
        String text = Renderers.mimeBundle(r).get("text/plain");
        assertThat(text).contains("busy-scenes: ⏸ interrupted at step 40").contains("run the same line again (same out=runs/c)")
                .doesNotContain("resume=true");
        assertThat(Renderers.mimeBundle(r).get("text/html")).contains("tessera-curriculum-result");
    }
}
