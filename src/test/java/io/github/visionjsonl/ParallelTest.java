package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.reading.ValidRecord;
import io.github.visionjsonl.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** More threads give the same report, line for line: order and line numbers do not change. */
class ParallelTest {

    @ParameterizedTest
    @EnumSource(Task.class)
    void sameReportOnOneOrThreeThreads(Task task) throws IOException {
        byte[] data = DatasetGenerator.builder().task(task).records(task == Task.IMAGE_INSTANCE_SEGMENTATION ? 3000 : 12000)
                .invalidRate(0.05).seed(5).build().toBytes();
        ValidationReport one = DatasetValidator.builder().maxFindings(100_000).build()
                .validate(new ByteArrayInputStream(data), "d");
        ValidationReport three = DatasetValidator.builder().maxFindings(100_000).threads(3).build()
                .validate(new ByteArrayInputStream(data), "d");
        assertThat(three).isEqualTo(one);
        assertThat(one.findings()).hasSizeGreaterThan(100);

        ValidationReport capped = DatasetValidator.builder().threads(2).build().validate(new ByteArrayInputStream(data), "d");
        assertThat(capped.findings()).isEqualTo(DatasetValidator.create().validate(new ByteArrayInputStream(data), "d").findings());

        ValidationReport fast = DatasetValidator.builder().threads(2).failFast(true).build()
                .validate(new ByteArrayInputStream(data), "d");
        ValidationReport fastOne = DatasetValidator.builder().failFast(true).build().validate(new ByteArrayInputStream(data), "d");
        assertThat(fast).isEqualTo(fastOne);
        assertThat(fast.complete()).isFalse();
    }

    @Test
    void linesLongerThanABatchAndLinesOverTheLimitKeepTheirPlaceAndVerdict() throws IOException {
        String normal = "{\"image_url\": \"AmlDatastore://ds/%d.jpg\", \"label\": \"cat\"}\n";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            if (i % 7000 == 3) {
                // 1.5 MB: more than any batch holds
                text.append("{\"image_url\": \"AmlDatastore://ds/").append("x".repeat(1_500_000)).append(".jpg\", \"label\": \"cat\"}\n");
            } else if (i % 9000 == 5) {
                // over the line limit set below: skipped, reported with its length
                text.append("{\"image_url\": \"").append("y".repeat(3_000_000)).append("\"}\n");
            } else {
                text.append(String.format(normal, i));
            }
        }
        byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
        DatasetValidator.Builder builder = DatasetValidator.builder().maxFindings(100_000).maxLineLength(2_000_000);
        ValidationReport one = builder.build().validate(new ByteArrayInputStream(data), "d");
        ValidationReport two = builder.threads(2).build().validate(new ByteArrayInputStream(data), "d");
        assertThat(two).isEqualTo(one);
        assertThat(one.lines()).isEqualTo(30_000);
        assertThat(one.findings()).extracting(f -> f.rule().code()).contains("line-too-long");
    }

    /**
     * With two threads lines travel in batches, and the reading thread examines some of them
     * itself: every way a line can end or start must give what one thread finds, whatever
     * pieces the stream hands out.
     */
    @Test
    void batchesKeepEveryKindOfLineAsOneThreadReadsIt(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(3);
        String[] labels = {"cat", "K\u00e4tzchen", "\u732b", "dog"};
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int i = 0; i < 14_000; i++) {
            int kind = random.nextInt(12);
            String line = switch (kind) {
                case 0 -> "";
                case 1 -> " \t ";
                case 2 -> "\r";
                // over the limit set below, some with \r\n
                case 3 -> "{\"image_url\": \"AmlDatastore://ds/" + "z".repeat(400 + random.nextInt(600)) + ".jpg\"}";
                case 4 -> "{\"image_url\": \"AmlDatastore://ds/" + i + ".jpg\", \"label\": \"ca";
                default -> "{\"image_url\": \"AmlDatastore://ds/" + i + ".jpg\", \"label\": \""
                        + labels[random.nextInt(labels.length)] + "\"}";
            };
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (kind == 5) {
                out.writeBytes(new byte[] {(byte) 0xC3, 0x28});
            }
            if (i == 7000) {
                // more lines than a block may hold
                out.writeBytes("\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes((random.nextBoolean() ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("{\"image_url\": \"AmlDatastore://ds/last.jpg\", \"label\": \"cat\"}".getBytes(
                StandardCharsets.US_ASCII));
        byte[] data = out.toByteArray();
        Path gzip = dir.resolve("d.jsonl.gz");
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            z.write(data);
        }

        DatasetValidator.Builder builder = DatasetValidator.builder().maxFindings(100_000).maxLineLength(420);
        ValidationReport one = builder.build().validate(new ByteArrayInputStream(data), "d");
        DatasetValidator two = builder.threads(2).build();
        assertThat(two.validate(new ByteArrayInputStream(data), "d")).isEqualTo(one);
        assertThat(two.validate(trickle(data, 11), "d")).isEqualTo(one);
        assertThat(two.validate(Files.newInputStream(gzip), "d")).isEqualTo(one);
        assertThat(one.lines()).isEqualTo(34_001);
        assertThat(one.findings()).extracting(f -> f.rule().code())
                .contains("line-too-long", "blank-line", "invalid-encoding", "json-syntax", "byte-order-mark");
    }

    /** A stream that hands out its bytes a few at a time, as a pipe may. */
    private static InputStream trickle(byte[] data, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = Task.class, names = "IMAGE_OBJECT_DETECTION")
    void recordsComeInLineOrder(Task task) throws IOException {
        byte[] data = DatasetGenerator.builder().task(task).records(20000).invalidRate(0.05).seed(6).build().toBytes();
        List<Long> lines;
        try (RecordReader<ImageRecord> reader = DatasetValidator.builder().threads(2).build()
                .records(new ByteArrayInputStream(data), "d", ImageRecord.class)) {
            lines = reader.stream().map(ValidRecord::line).toList();
        }
        List<Long> single;
        try (RecordReader<ImageRecord> reader = DatasetValidator.create()
                .records(new ByteArrayInputStream(data), "d", ImageRecord.class)) {
            single = reader.stream().map(ValidRecord::line).toList();
        }
        assertThat(lines).isEqualTo(single).isSorted().hasSizeGreaterThan(18000);
    }
}
