package dev.tessera.magic;

import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.tokenize.TokenizeResult;
import dev.tessera.engine.unified.Answer;
import dev.tessera.engine.unified.Caption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photograph given to the scene models: the tokenize result, the caption and the answer all say
 * that it is outside what the models learned and name the photo tokenizer, while a scene passes
 * unflagged. The photograph is a held-out one of the photo corpus (installed with the photo packages).
 */
class UnfamiliarImageMagicsTest {

    private static String photo() {
        return "\"" + PhotoCorpus.installed().heldOut().get(0).path() + "\"";
    }

    @Test
    void aPhotographTokenizedWithTheSceneTokenizerIsFlaggedAndASceneIsNot() {
        TokenizeResult photo = (TokenizeResult) Magics.run("tokenize " + photo());
        assertThat(photo.familiarity().outside()).as("PSNR %.1f, floor %.1f", photo.psnr(), photo.familiarity().floor()).isTrue();
        assertThat(photo.familiarity().notice()).contains("synthetic scenes").contains("--tokenizer photo-64");
        TokenizeResult scene = (TokenizeResult) Magics.run("tokenize sample:3");
        assertThat(scene.familiarity().outside()).isFalse();
        assertThat(scene.familiarity().floor()).isLessThan(scene.psnr());
    }

    @Test
    void theUnifiedModelSaysSoInsteadOfCaptioningOrAnsweringAPhotograph() {
        Object caption = Magics.run("caption " + photo());
        assertThat(caption).isInstanceOf(Caption.class);
        Caption c = (Caption) caption;
        assertThat(c.familiarity().outside()).isTrue();
        assertThat(c.reply()).isEqualTo(c.familiarity().modelNotice()).contains("outside what the model learned")
                .contains("%tessera tokenize IMAGE --tokenizer photo-64");
        Object answer = Magics.run("ask " + photo() + " \"what colour is the triangle?\"");
        assertThat(answer).isInstanceOf(Answer.class);
        Answer a = (Answer) answer;
        assertThat(a.reply()).contains("outside");
        Caption scene = (Caption) Magics.run("caption sample:1");
        assertThat(scene.familiarity().outside()).isFalse();
        assertThat(scene.reply()).isEqualTo(scene.text());
    }
}
