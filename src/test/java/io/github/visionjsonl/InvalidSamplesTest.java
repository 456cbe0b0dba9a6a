package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The firing half of the rule catalogue: samples/invalid/CODE.jsonl fires CODE and nothing else. */
class InvalidSamplesTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.create();
    private static final DatasetValidator SHORT_LINES = DatasetValidator.builder().maxLineLength(256).build();

    static Stream<RuleCode> rules() {
        return Arrays.stream(RuleCode.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void sampleFiresItsRuleAndNothingElse(RuleCode rule) throws Exception {
        Path sample = Samples.invalid(rule.code());
        assertThat(sample).as("every rule has a sample that fires it").exists();
        DatasetValidator validator = rule == RuleCode.LINE_TOO_LONG ? SHORT_LINES : VALIDATOR;

        ValidationReport report = validator.validate(sample);

        assertThat(report.findings()).as(report.findings().toString())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule));
        Finding first = report.findings().get(0);
        assertThat(first.severity()).isEqualTo(rule.defaultSeverity());
        assertThat(first.message()).isNotBlank().doesNotContain("{");
        if (rule != RuleCode.EMPTY_DATASET) {
            assertThat(first.line()).isPositive();
        }
    }

    @Test
    void everySampleIsDocumented() throws Exception {
        String readme = Files.readString(Samples.ROOT.resolve("invalid/README.md"));
        try (Stream<Path> files = Files.list(Samples.ROOT.resolve("invalid"))) {
            files.filter(p -> p.toString().endsWith(".jsonl")).forEach(p -> {
                String code = p.getFileName().toString().replace(".jsonl", "");
                assertThat(RuleCode.fromCode(code)).as("%s names a rule", p).isPresent();
                assertThat(readme).as("README documents %s", p).contains("`" + code + "`");
            });
        }
    }

    @Test
    void defaultSeveritiesFollowTheCatalogue() throws Exception {
        // RULES.md is the contract; a changed default is a breaking change.
        assertThat(VALIDATOR.validate(Samples.invalid("coordinate-range")).findings())
                .allSatisfy(f -> assertThat(f.severity().label()).isEqualTo("error"));
        assertThat(VALIDATOR.validate(Samples.invalid("unknown-field")).findings())
                .allSatisfy(f -> assertThat(f.severity().label()).isEqualTo("warning"));
    }
}
