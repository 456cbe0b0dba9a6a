package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A label object's shape is judged from the keys it has; one with none of a shape's keys, as the file's task. */
class LabelShapeTest {

    private static final String BARE = "{\"image_url\": \"AmlDatastore://d/%s.jpg\", \"label\": [{\"label\": \"cat\", \"isCrowd\": 0}]}";
    private static final String POLYGON = "{\"image_url\": \"AmlDatastore://d/%s.jpg\", \"label\": [{\"label\": \"cat\","
            + " \"polygon\": [[0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]}]}";
    private static final String BOX = "{\"image_url\": \"AmlDatastore://d/%s.jpg\", \"label\": [{\"label\": \"cat\","
            + " \"topX\": 0.1, \"topY\": 0.1, \"bottomX\": 0.5, \"bottomY\": 0.6}]}";

    private static List<String> findings(Task task, String... lines) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            file.append(String.format(lines[i], i)).append('\n');
        }
        DatasetValidator.Builder b = DatasetValidator.builder();
        if (task != null) {
            b.task(task);
        }
        ValidationReport r = b.build().validate(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                "f");
        return r.findings().stream().filter(f -> f.line() > 0).map(f -> f.line() + " " + f.code() + " " + f.pointer())
                .toList();
    }

    @Test
    void anObjectWithNeitherBoxNorPolygonIsJudgedAsTheFilesTask() throws IOException {
        List<String> given = findings(Task.IMAGE_INSTANCE_SEGMENTATION, BARE);
        assertThat(given).containsExactly("1 missing-field /label/0/polygon");
        // the same with the task detected from an earlier line
        assertThat(findings(null, POLYGON, BARE)).containsExactly("2 missing-field /label/0/polygon");
        assertThat(findings(null, BOX, BARE)).containsExactly("2 missing-field /label/0/topX",
                "2 missing-field /label/0/topY", "2 missing-field /label/0/bottomX", "2 missing-field /label/0/bottomY");
        assertThat(findings(Task.IMAGE_OBJECT_DETECTION, BARE)).hasSize(4).allMatch(f -> f.contains("missing-field"));
        // before any line tells the task, such a line tells none: the next one does
        assertThat(findings(null, BARE, POLYGON, POLYGON)).noneMatch(f -> f.contains("task-mismatch"));
        // no list of objects fits classification
        assertThat(findings(Task.IMAGE_CLASSIFICATION, BARE)).containsExactly("1 task-mismatch /label");
    }

    @Test
    void aBoxKeyMakesABoxAndAPolygonAPolygon() throws IOException {
        String oneCorner = "{\"image_url\": \"AmlDatastore://d/%s.jpg\", \"label\": [{\"label\": \"cat\", \"topX\": 0.1}]}";
        assertThat(findings(Task.IMAGE_INSTANCE_SEGMENTATION, oneCorner)).containsExactly("1 task-mismatch /label");
        assertThat(findings(null, POLYGON, BARE.replace("}]}", "}, {\"label\": \"dog\", \"polygon\": [[0.1, 0.1, 0.5, 0.1, 0.3, 0.6]]}]}")))
                .containsExactly("2 missing-field /label/0/polygon");
    }
}
