package dev.tessera.magic;

import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerNamesTest {

    @Test
    void usageTextsNameEveryShippedTokenizerAndMarkTheDefault() {
        assertThat(TokenizerNames.all().split(", ")).containsExactlyElementsOf(TokenizerCheckpoint.SHIPPED);
        String choices = TokenizerNames.choices();
        assertThat(choices).startsWith(TokenizerCheckpoint.DEFAULT + " (default), ")
                .endsWith(" or " + TokenizerCheckpoint.SHIPPED.get(TokenizerCheckpoint.SHIPPED.size() - 1));
        TokenizerCheckpoint.SHIPPED.forEach(name -> assertThat(choices).contains(name));
        assertThat(TokenizeRequest.USAGE).contains(choices);
        assertThat(CodebookRequest.USAGE).contains(choices);
        assertThat(CompareRequest.USAGE).contains(TokenizerNames.all());
    }
}
