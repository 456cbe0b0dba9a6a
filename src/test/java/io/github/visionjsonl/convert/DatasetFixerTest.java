package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repairs go to a new file, every change is listed, and no line is lost without a word.
 *
 * <p>{@code -Dvisionjsonl.fixer.repairable=N} sets aside 4N broken lines among N repairable ones
 * (default 5000; 50000 for a long run).
 */
class DatasetFixerTest {

    /** The repairable lines of the generated file; four broken lines come with each. */
    private static final int REPAIRABLE = Integer.getInteger("visionjsonl.fixer.repairable", 5000);

    @TempDir
    Path dir;

    private static final String BROKEN = String.join("\n",
            "{\"image_url\": \"AmlDatastore://ws/1.jpg\", \"image_details\": {\"format\": \"jpg\", \"width\": \"640px\", \"height\": 480}, \"label\": [{\"label\": \"can \", \"topX\": 64, \"topY\": 48, \"bottomX\": 320, \"bottomY\": 240, \"isCrowd\": \"1\"}]}",
            "{\"image_url\": \"AmlDatastore://ws/2.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.5, \"topY\": 0.1, \"bottomX\": 0.2, \"bottomY\": 1.004}, {\"label\": \"can\", \"topX\": 0.3, \"topY\": 0.3, \"bottomX\": 0.3, \"bottomY\": 0.5}], \"extra\": 1}",
            "{\"image_url\": \"AmlDatastore://ws/3.jpg\", \"label\": [{\"label\": \"can\", \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.2}]}",
            "not json",
            "{\"image_url\": \"AmlDatastore://ws/4.jpg\", \"label\": [{\"label\": \"can\", \"topX\": -0.005, \"topY\": 0.1, \"bottomX\": 1.5, \"bottomY\": 0.5}]}",
            "");

    @Test
    void repairsWhatItCanAndSetsTheRestAside() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), BROKEN);
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out.jsonl");
        DatasetFixer.FixResult r = new DatasetFixer(DatasetValidator.create(), 0.01).fix(in, out);
        assertThat(r.linesIn()).isEqualTo(r.linesOut() + r.setAside().size()).isEqualTo(5);
        assertThat(r.linesOut()).isEqualTo(2);
        assertThat(r.setAside()).extracting(DatasetFixer.SetAside::line).containsExactly(3L, 4L, 5L);
        assertThat(r.setAside().get(0).reasons()).extracting(Finding::rule).containsExactly(RuleCode.MISSING_FIELD);
        assertThat(r.changes()).extracting(Finding::rule).containsExactly(
                RuleCode.IS_CROWD_VALUE, RuleCode.COORDINATE_RANGE, RuleCode.COORDINATE_RANGE, RuleCode.COORDINATE_RANGE,
                RuleCode.COORDINATE_RANGE, RuleCode.LABEL_WHITESPACE, RuleCode.UNKNOWN_FIELD, RuleCode.COORDINATE_RANGE,
                RuleCode.BOX_INVERTED, RuleCode.BOX_EMPTY);
        assertThat(r.changes().get(1).message()).contains("topX in pixels: 64.0 / 640 = 0.1");
        assertThat(r.changes()).allSatisfy(f -> assertThat(f.line()).isPositive());
        List<String> written = Files.readAllLines(out);
        assertThat(written.get(0)).isEqualTo("{\"image_url\":\"AmlDatastore://ws/1.jpg\",\"image_details\":{\"format\":\"jpg\","
                + "\"width\":640,\"height\":480},\"label\":[{\"label\":\"can\",\"topX\":0.1,\"topY\":0.1,\"bottomX\":0.5,"
                + "\"bottomY\":0.5,\"isCrowd\":1}]}");
        assertThat(written.get(1)).contains("\"topX\":0.2", "\"bottomX\":0.5", "\"bottomY\":1.0").doesNotContain("extra");
        assertThat(r.validation().isValid()).isTrue();
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        assertThatThrownBy(() -> new DatasetFixer(DatasetValidator.create(), 0.01).fix(in, out))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> new DatasetFixer(DatasetValidator.create(), 0.7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAddUpOnGeneratedData() throws Exception {
        Path in = dir.resolve("gen.jsonl");
        DatasetGenerator.builder().records(3000).invalidRate(0.2).seed(12).build().write(in);
        Path out = dir.resolve("gen-fixed.jsonl");
        DatasetFixer.FixResult r = new DatasetFixer(DatasetValidator.create(), 0.01).fix(in, out);
        assertThat(r.linesIn()).isEqualTo(3000).isEqualTo(r.linesOut() + r.setAsideCount());
        assertThat(r.validation().errors()).isZero();
        long validBefore = DatasetValidator.create().validate(in).validRecords();
        assertThat(r.linesOut()).as("repaired lines come on top of the valid ones").isGreaterThan(validBefore + 50);
    }

    @Test
    void setAsideLinesAreCountedAndOnlyTheFirstAreKept() throws Exception {
        // generated here, never committed: broken lines, each set aside, and a fifth as many repairable ones
        Path in = dir.resolve("broken.jsonl");
        String repairable = "{\"image_url\": \"AmlDatastore://ws/a.jpg\", \"label\": [{\"label\": \"can \", \"topX\": 0.1, "
                + "\"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.5}]}\n";
        try (var w = Files.newBufferedWriter(in)) {
            for (int i = 0; i < 5 * REPAIRABLE; i++) {
                w.write(i % 5 == 4 ? repairable : "{\"image_url\": " + i + "\n");
            }
        }
        DatasetFixer.FixResult r = new DatasetFixer(DatasetValidator.create(), 0.01, 100).fix(in, dir.resolve("b-fixed.jsonl"));
        assertThat(r.setAsideCount()).isEqualTo(4 * REPAIRABLE);
        assertThat(r.setAside()).hasSize(100);
        assertThat(r.setAside().get(99).line()).isEqualTo(124);
        assertThat(r.changeCount()).isEqualTo(REPAIRABLE);
        assertThat(r.changes()).hasSize(100);
        assertThat(r.linesIn()).isEqualTo(r.linesOut() + r.setAsideCount()).isEqualTo(5 * REPAIRABLE);
        assertThatThrownBy(() -> new DatasetFixer(DatasetValidator.create(), 0.01, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandLine() throws Exception {
        Path in = Files.writeString(dir.resolve("cli.jsonl"), BROKEN);
        StringWriter text = new StringWriter();
        String[] args = {"fix", in.toString(), "-o", dir.resolve("cli-fixed.jsonl").toString()};
        assertThat(VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(text), new PrintWriter(new StringWriter())))
                .isEqualTo(1);
        assertThat(text.toString()).contains(":3: set aside: error[missing-field]", "5 lines in, 2 written", "3 set aside", "10 changes");
        StringWriter capped = new StringWriter();
        VisionJsonl.run(new String[] {"fix", "--max-findings", "1", in.toString(), "-o", dir.resolve("cli-capped.jsonl").toString()},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(capped), new PrintWriter(new StringWriter()));
        assertThat(capped.toString()).contains("listing the first 1 of 10 changes and 1 of 3 lines set aside (--max-findings)",
                "3 set aside, 10 changes").doesNotContain(":4: set aside");
        assertThat(VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isEqualTo(2);
    }
}
