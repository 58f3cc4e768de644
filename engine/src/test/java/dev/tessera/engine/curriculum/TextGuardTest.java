package dev.tessera.engine.curriculum;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextGuardTest {

    static final List<String> HELD_OUT = IntStream.range(0, 10).mapToObj(i -> "p" + i).toList();

    @Test
    void itScoresPassagesEvenlySpacedOverTheWholeHeldOutSetInTheirOrder() {
        assertThat(new TextGuard(5, 0.02).sample(HELD_OUT)).containsExactly("p0", "p2", "p4", "p6", "p8");
        assertThat(new TextGuard(3, 0.02).sample(HELD_OUT)).containsExactly("p0", "p3", "p6");
        assertThat(new TextGuard(1, 0.02).sample(HELD_OUT)).containsExactly("p0");
    }

    @Test
    void withNoMorePassagesThanItAsksForItScoresThemAll() {
        assertThat(new TextGuard(10, 0.02).sample(HELD_OUT)).isEqualTo(HELD_OUT);
        assertThat(new TextGuard(256, 0.02).sample(HELD_OUT)).isEqualTo(HELD_OUT);
    }

    @Test
    void impossibleGuardsAreRefused() {
        assertThatThrownBy(() -> new TextGuard(0, 0.02)).hasMessageContaining("1..4096");
        assertThatThrownBy(() -> new TextGuard(8, Double.NaN)).hasMessageContaining("tolerance");
    }
}
