package dev.tessera.engine.vocab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskTagsTest {

    private final VocabularyLayout plain = new VocabularyLayout(300, 1, 1000);

    @Test
    void bindingATagShiftsTextAndImageIdsByOneAndNamesIt() {
        VocabularyLayout tagged = plain.withTaskTags(List.of("<colours>"));
        assertThat(tagged.tagId("<colours>")).isEqualTo(SpecialToken.values().length);
        assertThat(tagged.specialText(SpecialToken.values().length)).isEqualTo("<colours>");
        assertThat(tagged.textStart()).isEqualTo(plain.textStart() + 1);
        assertThat(tagged.imageStart()).isEqualTo(plain.imageStart() + 1);
        assertThat(tagged.size()).isEqualTo(plain.size() + 1);
        assertThat(tagged.tagId("<ask>")).isEqualTo(plain.tagId("<ask>")).isEqualTo(SpecialToken.ASK.ordinal());
        assertThat(tagged.kind(tagged.tagId("<colours>"))).isEqualTo(TokenKind.SPECIAL);
    }

    @Test
    void bindingKeepsEarlierTagsInPlaceAndIgnoresKnownOnes() {
        VocabularyLayout one = plain.withTaskTags(List.of("<a>"));
        VocabularyLayout two = one.withTaskTags(List.of("<b>", "<a>", "<caption>"));
        assertThat(two.taskTags()).containsExactly("<a>", "<b>");
        assertThat(two.tagId("<a>")).isEqualTo(one.tagId("<a>"));
    }

    @Test
    void anUnboundTagOrTooManyTagsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> plain.tagId("<colours>")).hasMessageContaining("no <colours> tag")
                .hasMessageContaining("train the task in a stage");
        List<String> nine = List.of("<t1>", "<t2>", "<t3>", "<t4>", "<t5>", "<t6>", "<t7>", "<t8>", "<t9>");
        assertThatThrownBy(() -> plain.withTaskTags(nine)).hasMessageContaining("a model has 8");
        assertThatThrownBy(() -> new VocabularyLayout(300, 1, 1000, List.of("<a>", "<a>"))).hasMessageContaining("distinct");
    }
}
