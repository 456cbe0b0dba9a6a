package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The firing half of the rule catalogue: every rule has a sample under samples/invalid that fires
 * it and nothing else, run through the command line with the options samples/invalid/options
 * names (as .ci/run does).
 */
class InvalidSamplesTest {

    private static final Path DIR = Samples.ROOT.resolve("invalid");

    /**
     * Every rule about training files; the conversion and prediction rules fire on other inputs,
     * in ConvertersTest and PredictionsTest.
     */
    static Stream<RuleCode> rules() {
        return Arrays.stream(RuleCode.values()).filter(r -> !r.isConversionRule() && !r.isPredictionRule());
    }

    /** The sample's command-line arguments: options, then the file(s). */
    static List<String> arguments(RuleCode rule) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("options"))) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                options.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        List<String> args = new ArrayList<>(List.of("validate", "--format", "json", "--fail-on", "info"));
        String extra = options.get(rule.code());
        if (extra != null) {
            args.addAll(Arrays.asList(extra.split(" ")));
        }
        if (rule.isPairRule()) {
            Path pair = DIR.resolve("pairs").resolve(rule.code());
            args.addAll(List.of("--train", pair.resolve("train.jsonl").toString(),
                    "--validation", pair.resolve("validation.jsonl").toString()));
        } else if (rule.isMLTableRule()) {
            args.add(DIR.resolve("mltable").resolve(rule.code()).toString());
        } else if (rule.isImageRule()) {
            args.add(DIR.resolve("images").resolve(rule.code() + ".jsonl").toString());
        } else {
            args.add(DIR.resolve(rule.code() + ".jsonl").toString());
        }
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void sampleFiresItsRuleAndNothingElse(RuleCode rule) throws Exception {
        List<String> args = arguments(rule);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VisionJsonl.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as("%s %s", args, err).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<JsonNode> findings = new ArrayList<>();
        for (JsonNode report : json.isArray() ? json : List.of(json)) {
            report.get("findings").forEach(findings::add);
        }
        assertThat(findings).as(out.toString()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("code").asText()).isEqualTo(rule.code()));
        JsonNode first = findings.get(0);
        assertThat(first.get("severity").asText()).isEqualTo(rule.defaultSeverity().label());
        assertThat(first.get("message").asText()).isNotBlank().doesNotContain("{");
    }

    @Test
    void everySampleIsDocumented() throws Exception {
        String readme = Files.readString(DIR.resolve("README.md"));
        try (Stream<Path> files = Files.walk(DIR)) {
            files.filter(p -> p.toString().endsWith(".jsonl") && !p.startsWith(DIR.resolve("pairs"))
                    && !p.startsWith(DIR.resolve("mltable"))).forEach(p -> {
                String code = p.getFileName().toString().replace(".jsonl", "");
                assertThat(RuleCode.fromCode(code)).as("%s names a rule", p).isPresent();
                assertThat(readme).as("README documents %s", p).contains("`" + code + "`");
            });
        }
        rules().forEach(rule -> assertThat(readme).as("README documents %s", rule).contains("`" + rule.code() + "`"));
    }
}
