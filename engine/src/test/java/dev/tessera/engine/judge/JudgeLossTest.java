package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JudgeLossTest {

    @Test
    void logSigmoidIsFiniteAndExactAtBothEnds() {
        try (NDManager m = TesseraRuntime.newManager()) {
            float[] got = JudgeLoss.logSigmoid(m.create(new float[] {-200f, -30f, 0f, 2f, 200f})).toFloatArray();
            assertThat(got[0]).isEqualTo(-200f);
            assertThat(got[1]).isCloseTo(-30f, within(1e-5f));
            assertThat(got[2]).isCloseTo((float) -Math.log(2), within(1e-6f));
            assertThat(got[3]).isCloseTo((float) -Math.log1p(Math.exp(-2)), within(1e-6f));
            assertThat(got[4]).isEqualTo(-0f);
        }
    }

    @Test
    void zeroLogitsKnownAnswerOnTwoCells() {
        // cell 0 holds an object at (0.25, 0.75) of the cell, cell 1 is empty; every logit 0:
        // presence ln2 per cell, colour ln7 and shape ln3 for the one object, centre 4 * (0.25 + 0.25)
        try (NDManager m = TesseraRuntime.newManager()) {
            float[] t = new float[JudgeHeads.PER_CELL * 2];
            t[JudgeHeads.OBJECT * 2] = 1;
            t[(JudgeHeads.COLOUR_OFFSET + 2) * 2] = 1;
            t[(JudgeHeads.SHAPE_OFFSET + 1) * 2] = 1;
            t[JudgeHeads.CENTRE_OFFSET * 2] = 0.25f;
            t[(JudgeHeads.CENTRE_OFFSET + 1) * 2] = 0.75f;
            NDArray y = m.create(t, new Shape(1, JudgeHeads.PER_CELL, 1, 2));
            JudgeLoss.Parts p = JudgeLoss.of(m.zeros(y.getShape()), y);
            assertThat(p.objects().getFloat()).isCloseTo((float) (2 * Math.log(2)), within(1e-5f));
            assertThat(p.colours().getFloat()).isCloseTo((float) Math.log(7), within(1e-5f));
            assertThat(p.shapes().getFloat()).isCloseTo((float) Math.log(3), within(1e-5f));
            assertThat(p.centres().getFloat()).isCloseTo(JudgeLoss.CENTRE_WEIGHT * 0.5f, within(1e-5f));
            float sum = p.objects().getFloat() + p.colours().getFloat() + p.shapes().getFloat() + p.centres().getFloat();
            assertThat(p.total().getFloat()).isCloseTo(sum, within(1e-5f));
        }
    }

    @Test
    void perfectLogitsCostAlmostNothingAndEveryPartIsAveragedOverImages() {
        List<Scene> scenes = new SceneGenerator(new SceneConfig(32, 1, 4, 4)).scenes(0, 6);
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray y = JudgeHeads.targets(scenes, 32, 8, m);
            float[] z = new float[(int) y.size()];
            int per = JudgeHeads.PER_CELL * 64;
            for (int i = 0; i < scenes.size(); i++) {
                System.arraycopy(PerfectLogits.of(scenes.get(i), 32, 8), 0, z, i * per, per);
            }
            JudgeLoss.Parts perfect = JudgeLoss.of(m.create(z, y.getShape()), y);
            assertThat(perfect.total().getFloat()).isLessThan(0.05f);
            JudgeLoss.Parts zero = JudgeLoss.of(m.zeros(y.getShape()), y);
            double objects = scenes.stream().mapToInt(Scene::count).average().orElseThrow();
            assertThat(zero.objects().getFloat()).isCloseTo((float) (64 * Math.log(2)), within(1e-3f));
            assertThat(zero.colours().getFloat()).isCloseTo((float) (objects * Math.log(7)), within(1e-3f));
        }
    }
}
