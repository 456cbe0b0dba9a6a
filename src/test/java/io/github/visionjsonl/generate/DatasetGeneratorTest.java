package io.github.visionjsonl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.cli.VisionJsonl;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated data is valid when asked, broken in every announced way when asked, and repeatable. */
class DatasetGeneratorTest {

    private static final DatasetValidator VALIDATOR = DatasetValidator.builder().maxFindings(1_000_000).build();

    @ParameterizedTest
    @EnumSource(Task.class)
    void validDataIsValid(Task task) throws Exception {
        byte[] data = DatasetGenerator.builder().task(task).records(2000).classes(30).seed(3).build().toBytes();
        ValidationReport r = VALIDATOR.validate(new ByteArrayInputStream(data), "g");
        assertThat(r.findings()).isEmpty();
        assertThat(r.task()).isEqualTo(task);
        assertThat(r.validRecords()).isEqualTo(2000);
        assertThat(r.classCounts()).hasSize(30);
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void everyFaultFiresItsRule(Task task) throws Exception {
        byte[] data = DatasetGenerator.builder().task(task).records(3000).invalidRate(1).seed(4).build().toBytes();
        ValidationReport r = VALIDATOR.validate(new ByteArrayInputStream(data), "g");
        Set<String> fired = r.findings().stream().map(Finding::code).collect(Collectors.toSet());
        assertThat(fired).containsAll(DatasetGenerator.faults(task));
    }

    @Test
    void invalidRateIsKept() throws Exception {
        byte[] data = DatasetGenerator.builder().records(20_000).invalidRate(0.05).seed(8).build().toBytes();
        ValidationReport r = VALIDATOR.validate(new ByteArrayInputStream(data), "g");
        long brokenLines = r.findings().stream().map(Finding::line).distinct().count();
        assertThat(brokenLines).isBetween(850L, 1150L);
    }

    @Test
    void sameSeedSameBytes() {
        DatasetGenerator.Builder b = DatasetGenerator.builder().task(Task.IMAGE_INSTANCE_SEGMENTATION).records(200).invalidRate(0.1);
        assertThat(b.seed(1).build().toBytes()).isEqualTo(b.seed(1).build().toBytes()).isNotEqualTo(b.seed(2).build().toBytes());
    }

    @Test
    void writesANewFileAtomicallyAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("g.jsonl");
        DatasetGenerator g = DatasetGenerator.builder().records(10).build();
        g.write(out);
        byte[] first = Files.readAllBytes(out);
        assertThat(first).isEqualTo(g.toBytes());
        assertThatThrownBy(() -> g.write(out)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void commandLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.jsonl");
        StringWriter err = new StringWriter();
        String[] args = {"generate", "--task", "segmentation", "--records", "50", "--invalid-rate", "0.2", "--seed", "9", "-o", out.toString()};
        assertThat(VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(err))).isZero();
        assertThat(Files.readAllLines(out)).hasSize(50);
        assertThat(VisionJsonl.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to overwrite");
        String[] bad = {"generate", "--records", "5", "--invalid-rate", "2", "-o", dir.resolve("x").toString()};
        assertThat(VisionJsonl.run(bad, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isEqualTo(2);
    }
}
