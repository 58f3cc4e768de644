package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every usage is drawn from where its options are declared, so it cannot drift from them: each
 * option of each picocli command in {@link MagicParser} is in its command's usage with its
 * description and its default, and each train key in its form's usage with its range and its
 * default. The tests read the declarations, so a new command or option is checked as it is added.
 */
class UsageTest {

    /** Every picocli command {@link MagicParser} declares, as picocli reads it. */
    static Stream<CommandSpec> commands() {
        return Arrays.stream(MagicParser.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Command.class))
                .map(c -> {
                    try {
                        return CommandSpec.forAnnotatedObject(c.getDeclaredConstructor().newInstance());
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void theUsageOfEveryCommandListsEveryOptionWithItsDefault(String name, CommandSpec spec) {
        String usage = MagicParser.usageFor(spec.name());
        assertThat(usage).as("the usage of %s", spec.name()).startsWith("Usage: %tessera " + spec.name());
        for (OptionSpec o : spec.options()) {
            String row = row(usage, o.longestName());
            assertThat(row).as("%s %s in its usage:%n%s", spec.name(), o.longestName(), usage)
                    .isNotBlank().doesNotContain("${");
            assertThat(o.description()).as("%s %s has a description", spec.name(), o.longestName()).isNotEmpty();
            if (o.defaultValue() != null) {
                assertThat(row).as("%s %s shows its default", spec.name(), o.longestName())
                        .contains("(default " + o.defaultValue() + ")");
            }
        }
    }

    static Stream<Arguments> named() {
        return commands().map(spec -> Arguments.of(spec.name(), spec));
    }

    @Test
    void everyCommandIsInTheHelp() {
        String help = MagicParser.help();
        commands().forEach(spec -> assertThat(help).contains(MagicParser.usageFor(spec.name())));
    }

    @ParameterizedTest
    @EnumSource(TrainForm.class)
    void theUsageOfEachTrainFormListsEveryKeyWithItsRangeAndDefault(TrainForm form) {
        String usage = form.usage();
        assertThat(form.keys()).isNotEmpty();
        for (TrainKey key : form.keys()) {
            String row = row(usage, key.key() + "=");
            assertThat(row).as("%s in the usage:%n%s", key.key(), usage).contains("(default ");
            if (key.range() != null) {
                assertThat(row).contains(key.range());
            }
        }
        assertThat(MagicParser.usageFor("train")).contains(usage);
    }

    @ParameterizedTest
    @EnumSource(value = TrainKey.class, names = {"STEPS", "BATCH", "LR", "SEED", "CHECKPOINT_EVERY"})
    void aNumberOutOfRangeIsRefusedWithTheRangeTheUsageShows(TrainKey key) {
        MagicError e = MagicsTest.error("train unified " + key.key() + "=99999999999999999999");
        assertThat(e.problem()).contains(key.range());
        assertThat(row(e.usage(), key.key() + "=")).contains(key.range());
    }

    @Test
    void theUsagesNameTheEnginesOwnLists() {
        for (String command : List.of("tokenize", "codebook")) {
            String row = row(MagicParser.usageFor(command), "--tokenizer");
            TokenizerCheckpoint.SHIPPED.forEach(name -> assertThat(row).contains(name));
            assertThat(row).contains("(default " + TokenizerCheckpoint.DEFAULT + ")");
        }
        String compare = MagicParser.usageFor("compare");
        TokenizerCheckpoint.SHIPPED.forEach(name -> assertThat(row(compare, "TOKENIZER")).contains(name));
        Arrays.stream(EvaluationSet.Source.values()).forEach(s -> assertThat(row(compare, "--data")).contains(s.id()));
        Curricula.SHIPPED.forEach(name -> {
            assertThat(row(MagicParser.usageFor("curriculum"), "NAME")).contains(name);
            assertThat(TrainForm.CURRICULUM.usage()).contains(name);
        });
    }

    @Test
    void everyLineFitsTheWidth() {
        assertThat(MagicParser.help().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(UsageText.WIDTH));
    }

    /**
     * The row of a usage that starts with {@code label}, its wrapped lines joined with single
     * blanks; blank when there is none.
     */
    static String row(String usage, String label) {
        StringBuilder row = new StringBuilder();
        boolean in = false;
        for (String line : usage.lines().toList()) {
            boolean starts = line.matches("  \\S.*");
            if (starts) {
                in = line.startsWith("  " + label);
            }
            if (in && (starts || line.startsWith("   "))) {
                row.append(' ').append(line.strip());
            } else if (!starts) {
                in = false;
            }
        }
        return row.toString().strip();
    }
}
