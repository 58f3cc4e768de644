package dev.tessera.engine.lm;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterGroupsTest {

    static final List<String> NAMES = List.of("embed.text", "embed.image", "embed.imageIn", "head.image", "embed.position",
            "block0.ln1.gamma", "block0.ln1.beta", "block0.qkv.weight", "block0.qkv.bias", "block1.fc.weight", "final.gamma");

    static Map<String, Boolean> all(boolean learn) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        NAMES.forEach(n -> m.put(n, learn));
        return m;
    }

    @Test
    void groupsPickTheirWeightsInModelOrder() {
        assertThat(ParameterGroups.select(NAMES, List.of("biases-and-norms"))).containsExactly("block0.ln1.gamma",
                "block0.ln1.beta", "block0.qkv.bias", "final.gamma");
        assertThat(ParameterGroups.select(NAMES, List.of("output", "projections"))).containsExactly("embed.imageIn",
                "head.image");
        assertThat(ParameterGroups.select(NAMES, List.of("block1.*"))).containsExactly("block1.fc.weight");
        assertThat(ParameterGroups.select(NAMES, List.of())).isEqualTo(NAMES);
    }

    @Test
    void aWeightBuiltFrozenStaysFrozenAndFreezingEverythingIsRefused() {
        Map<String, Boolean> own = all(true);
        own.put("embed.text", false);
        assertThat(ParameterGroups.learning(NAMES, own, List.of("text-embedding", "positions")))
                .containsExactly("embed.position");
        assertThatThrownBy(() -> ParameterGroups.learning(NAMES, own, List.of("text-embedding")))
                .hasMessageContaining("leaves no weight to learn");
        assertThatThrownBy(() -> ParameterGroups.select(NAMES, List.of("block9.*"))).hasMessageContaining("names no weight");
    }
}
