package io.github.visionjsonl.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With more findings than the cap, the kept ones are the first in line order, whatever order the
 * image checks finish in: every run gives the same report.
 */
class ImageFindingsOrderTest {

    private static final int LINES = 3_000;
    private static final int CAP = 100;

    @TempDir
    Path tmp;

    private byte[] content() throws IOException {
        Path root = tmp.resolve("store");
        ImageFiles.write(root.resolve("a.png"), ImageFiles.encode("png", 40, 30));
        ImageFiles.write(root.resolve("cut.png"), ImageFiles.truncate(ImageFiles.encode("png", 40, 30), 0.8));
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            // Image findings on most lines (missing, truncated, wrong size), line findings on many.
            String image = switch (i % 5) {
                case 0 -> "none-" + i + ".png";
                case 1 -> "cut.png";
                default -> "a.png";
            };
            String url = "AmlDatastore://ws/" + image;
            String details = i % 5 == 2 ? ", \"image_details\": {\"width\": 41, \"height\": 30}" : "";
            String extra = i % 7 == 0 ? ", \"notes\": 1" : "";
            b.append("{\"image_url\": \"").append(url).append('"').append(details)
                    .append(", \"label\": \"c").append(i % 3).append('"').append(extra).append("}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ValidationReport run(Path root, byte[] content, int cap, int threads) throws IOException {
        DatasetValidator v = DatasetValidator.builder().images(ImageOptions.under(root).withThreads(threads))
                .threads(threads).maxFindings(cap).build();
        return v.validate(new ByteArrayInputStream(content), "order.jsonl");
    }

    @Test
    void theKeptFindingsAreTheFirstInLineOrderOnEveryRun() throws IOException {
        byte[] content = content();
        Path root = tmp.resolve("store");
        List<Finding> all = run(root, content, Integer.MAX_VALUE, 1).findings();
        assertThat(all.size()).isGreaterThan(CAP * 10);
        long lastLine = all.get(CAP - 1).line();
        for (int threads : new int[] {1, 2, 1, 2, 1, 2, 1, 2}) {
            ValidationReport capped = run(root, content, CAP, threads);
            assertThat(capped.findings()).hasSize(CAP);
            // Every finding of the lines before the last kept one, and none after it.
            assertThat(capped.findings()).filteredOn(f -> f.line() < lastLine)
                    .containsExactlyElementsOf(all.stream().filter(f -> f.line() < lastLine).toList());
            assertThat(capped.findings()).allMatch(f -> f.line() <= lastLine);
            assertThat(capped.findings()).isEqualTo(run(root, content, CAP, threads).findings());
            assertThat(capped.errors() + capped.warnings() + capped.infos()).isEqualTo(all.size());
        }
    }
}
