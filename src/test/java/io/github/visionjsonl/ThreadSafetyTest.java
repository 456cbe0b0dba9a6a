package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator shared by two threads gives each the report it would give alone. */
class ThreadSafetyTest {

    @Test
    void oneValidatorTwoThreads() throws Exception {
        DatasetValidator validator = DatasetValidator.create();
        List<Path> files = List.of(
                Path.of("samples/image-object-detection/train.jsonl"),
                Samples.invalid("coordinate-range"),
                Path.of("samples/image-instance-segmentation/train.jsonl"),
                Samples.invalid("task-mismatch"),
                Samples.invalid("polygon-range"),
                Path.of("samples/image-classification-multilabel/train.jsonl"));
        List<ValidationReport> alone = new ArrayList<>();
        for (Path f : files) {
            alone.add(validator.validate(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<ValidationReport>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                Callable<List<ValidationReport>> job = () -> {
                    List<ValidationReport> got = new ArrayList<>();
                    for (int round = 0; round < 100; round++) {
                        for (int i = 0; i < files.size(); i++) {
                            int k = (i + offset + round) % files.size();
                            ValidationReport r = validator.validate(files.get(k));
                            if (!r.equals(alone.get(k))) {
                                got.add(r);
                            }
                        }
                    }
                    return got;
                };
                runs.add(pool.submit(job));
            }
            for (Future<List<ValidationReport>> run : runs) {
                assertThat(run.get()).as("reports that differ from the single-threaded ones").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
