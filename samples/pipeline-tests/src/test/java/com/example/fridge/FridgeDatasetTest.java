package com.example.fridge;

import static io.github.visionjsonl.assertj.VisionJsonlAssertions.assertThatDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.InvalidDatasetException;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a pipeline's tests look like with vision-jsonl: one line per expectation. */
class FridgeDatasetTest {

    static final Path TRAIN = Path.of("../image-object-detection/train.jsonl");
    static final Path VALIDATION = Path.of("../image-object-detection/validation.jsonl");
    static final Path BROKEN = Path.of("src/test/resources/broken.jsonl");

    @Test
    void trainingDataIsReadyToTrainOn() {
        assertThatDataset(TRAIN)
                .isValid()
                .hasTask(Task.IMAGE_OBJECT_DETECTION)
                .hasNoFindingsOf("duplicate-image-url")
                .hasClasses("can", "carton", "milk_bottle", "water_bottle")
                .hasAtLeastSamplesPerClass(10)
                .hasValidationPair(VALIDATION);
    }

    @Test
    void brokenDataFailsWithFileLineAndRule() {
        assertThatThrownBy(() -> assertThatDataset(BROKEN).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.jsonl:3:")
                .hasMessageContaining("error[coordinate-range]")
                .hasMessageContaining("was 312.0: pixel coordinates?");
    }

    @Test
    void pipelineStepRefusesBrokenData() throws Exception {
        DatasetValidator validator = DatasetValidator.create();
        assertThat(validator.validateOrThrow(TRAIN).validRecords()).isEqualTo(32);
        assertThatThrownBy(() -> validator.validateOrThrow(BROKEN))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("broken.jsonl:3:");
    }

    @Test
    void recordsStreamIntoThePipeline() throws Exception {
        long boxes = 0;
        try (RecordReader<DetectionRecord> reader = DatasetValidator.create().records(BROKEN, DetectionRecord.class)) {
            for (ValidRecord<DetectionRecord> r : reader) {
                boxes += r.record().boxes().size();
            }
            assertThat(reader.report().records()).isEqualTo(3);
            assertThat(reader.report().validRecords()).isEqualTo(2);
        }
        assertThat(boxes).isPositive();
    }

    @Test
    void commandLineOnlyDependenciesAreNotInherited() {
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
    }
}
