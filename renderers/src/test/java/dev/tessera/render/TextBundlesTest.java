package dev.tessera.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextBundlesTest {

    @Test
    void errorsAreEscapedParagraphsWithTheUsage() {
        Map<String, String> b = TextBundles.error("bad <path>", "Usage: %tessera tokenize");
        assertThat(b.get("text/html")).contains("bad &lt;path&gt;").contains("Usage: %tessera tokenize")
                .doesNotContain("Exception");
        assertThat(b.get("text/plain")).isEqualTo("Tessera: bad <path>\n\nUsage: %tessera tokenize");
    }

    @Test
    void anErrorWithoutUsageIsTheProblemAlone() {
        Map<String, String> b = TextBundles.error("stopped", "");
        assertThat(b.get("text/html")).doesNotContain("<pre>");
        assertThat(b.get("text/plain")).isEqualTo("Tessera: stopped");
    }

    @Test
    void errorsCarryTheMarkerWithProblemAndUsage() throws Exception {
        Map<String, String> b = TextBundles.error("no file \"x.png\"\nhere", "Usage: %tessera tokenize PATH");
        assertThat(b.keySet()).containsExactly("text/html", "application/vnd.tessera.error+json", "text/plain");
        JsonNode json = new ObjectMapper().readTree(b.get(TextBundles.ERROR_MIME));
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get("problem").asText()).isEqualTo("no file \"x.png\"\nhere");
        assertThat(json.get("usage").asText()).isEqualTo("Usage: %tessera tokenize PATH");
    }

    @Test
    void helpIsPreformattedAndCarriesNoErrorMarker() {
        Map<String, String> b = TextBundles.help("a\nb");
        assertThat(b.get("text/html")).isEqualTo("<pre class=\"tessera-help\">a\nb</pre>");
        assertThat(b).doesNotContainKey(TextBundles.ERROR_MIME);
    }
}
