package io.github.visionjsonl.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.ImageFiles;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YOLO, VOC and CSV inputs of the wrong shape give findings or a one-line error, never a silent value. */
class YoloVocCsvInputTest {

    @TempDir
    Path dir;

    private Path yaml(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "data", ".yaml"), content);
    }

    @Test
    void dataYamlIsReadByAYamlParser() throws Exception {
        assertThat(YoloToJsonl.readNames(yaml("names: [\"a,b\", c]\n"))).containsExactly("a,b", "c");
        assertThat(YoloToJsonl.readNames(yaml("path: .\nnames:\n  - can\n  - 'milk, 1l'\nnc: 2\n")))
                .containsExactly("can", "milk, 1l");
        assertThat(YoloToJsonl.readNames(yaml("names: {1: carton, 0: can}\n"))).containsExactly("can", "carton");
        assertThat(YoloToJsonl.readNames(yaml("names: # the classes\n  0: can\n  1: carton\n"))).containsExactly("can", "carton");
    }

    @Test
    void brokenDataYamlIsAOneLineErrorWithItsPlace() throws Exception {
        Path broken = yaml("path: .\nnames: [a, b\n");
        assertThatThrownBy(() -> YoloToJsonl.readNames(broken)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(broken + ":").hasMessageContaining("not a YAML file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").matches(".*yaml:\\d+:\\d+: .*"));
        assertThatThrownBy(() -> YoloToJsonl.readNames(yaml("nc: 2\n"))).hasMessageContaining("no \"names:\"");
        assertThatThrownBy(() -> YoloToJsonl.readNames(yaml("names: {0: a, 2: c}\n"))).hasMessageContaining("key \"2\"");
        assertThatThrownBy(() -> YoloToJsonl.readNames(yaml("names: [a, [b]]\n"))).hasMessageContaining("names[1]");
        assertThatThrownBy(() -> YoloToJsonl.readNames(yaml("names: [a, a]\nnames: [b]\n"))).isInstanceOf(IOException.class);
    }

    @Test
    void aYamlBombIsRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append((char) ('a' + i % 26)).append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, i == 1 ? "*a" : "*l" + (i - 1)))).append("]\n");
        }
        Path file = yaml(bomb + "names: [a]\n");
        assertThatThrownBy(() -> YoloToJsonl.readNames(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(":2:").hasMessageContaining("alias *a");
        assertThatThrownBy(() -> YoloToJsonl.readNames(yaml("x: &n can\nnames: [*n, b]\n"))).hasMessageContaining("alias *n");
        Path huge = yaml("names: [a]\nx: \"" + "y".repeat(DataYaml.MAX_CODE_POINTS) + "\"\n");
        assertThatThrownBy(() -> YoloToJsonl.readNames(huge)).isInstanceOf(IOException.class);
    }

    @Test
    void aNamesFileThatIsNotUtf8SaysSo() throws Exception {
        Path names = Files.write(dir.resolve("names.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> YoloToJsonl.readNames(names)).hasMessageContaining("names.txt is not UTF-8 text");
    }

    @Test
    void yoloSaysWhatItGuessedAndNeverTurnsNaNIntoAnEdge() throws Exception {
        Path yolo = dir.resolve("yolo");
        Files.createDirectories(yolo.resolve("labels"));
        Files.writeString(yolo.resolve("labels/a.txt"), "0 NaN 0.5 0.2 0.2\n0 0.5 Infinity 0.2 0.2\n0 0.5 0.5 0.2 1e400\n"
                + "0 0.5 0.5 0.2 0.2\n");
        Files.writeString(yolo.resolve("labels/b.txt"), "0 0.5 0.5 0.2 0.2\n");
        Files.write(yolo.resolve("labels/c.txt"), new byte[] {(byte) 0xc3, 0x28, 0x0a});
        ConversionResult r = new YoloToJsonl(Task.IMAGE_OBJECT_DETECTION, "", List.of("can")).convert(yolo, dir.resolve("y.jsonl"));
        assertThat(r.findings()).extracting(Finding::rule).containsExactly(RuleCode.CONVERT_SKIPPED, RuleCode.CONVERT_SKIPPED,
                RuleCode.CONVERT_SKIPPED, RuleCode.CONVERT_INPUT, RuleCode.CONVERT_GUESSED);
        assertThat(r.findings().get(0).message()).isEqualTo("row 1 of a.txt left out: \"NaN\" is not a finite number");
        assertThat(r.findings().get(2).message()).contains("\"1e400\"");
        assertThat(r.findings().get(3).message()).contains("c.txt is not UTF-8 text");
        assertThat(r.findings().get(4).message()).contains("no images folder", "2 records (a.jpg)", "no image_details");
        assertThat(r.records()).isEqualTo(2);
        assertThat(Files.readAllLines(r.output()).get(0)).contains("\"topX\":0.4").doesNotContain("1.0");

        ImageFiles.write(yolo.resolve("images/a.png"), ImageFiles.encode("png", 8, 8));
        ConversionResult some = new YoloToJsonl(Task.IMAGE_OBJECT_DETECTION, "", List.of("can")).convert(yolo, dir.resolve("z.jsonl"));
        assertThat(some.findings()).filteredOn(f -> f.rule() == RuleCode.CONVERT_GUESSED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no image b.*", "guessed as b.jpg"));
    }

    @Test
    void aVocSizeOfInfinityIsAFindingNotTheLargestInt() throws Exception {
        Path voc = Files.createDirectories(dir.resolve("voc"));
        Files.writeString(voc.resolve("a.xml"), "<annotation><filename>a.jpg</filename><size><width>Infinity</width>"
                + "<height>400</height></size></annotation>");
        Files.writeString(voc.resolve("b.xml"), "<annotation><filename>b.jpg</filename><size><width>100</width>"
                + "<height>100</height></size><object><name>can</name><bndbox><xmin>1</xmin><ymin>1</ymin>"
                + "<xmax>Infinity</xmax><ymax>5</ymax></bndbox></object></annotation>");
        ConversionResult r = new VocToJsonl("", VocToJsonl.Difficult.KEEP).convert(voc, dir.resolve("v.jsonl"));
        assertThat(r.findings()).extracting(Finding::pointer).containsExactly("a.xml", "b.xml#object1");
        assertThat(r.findings().get(0).message()).contains("\"Infinity\" x \"400\"");
        assertThat(Files.readString(r.output())).doesNotContain("2147483647");
    }

    @Test
    void aBinaryCsvIsAnInputErrorNamingTheFile() throws Exception {
        Path csv = Files.write(dir.resolve("labels.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        ConversionResult r = new FoldersToJsonl("").csv(csv, dir.resolve("csv.jsonl"));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleCode.CONVERT_INPUT);
            assertThat(f.message()).contains("labels.csv is not UTF-8 text", "save it as UTF-8");
        });
        assertThat(r.records()).isZero();
        assertThat(dir.resolve("csv.jsonl")).doesNotExist();
    }
}
