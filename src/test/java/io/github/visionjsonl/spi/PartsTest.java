package io.github.visionjsonl.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.JsonReport;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.RuleCount;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dataset validated in parts (as an engine on several machines would, here on one) gives the
 * report of the whole run, byte for byte in JSON: for every task, broken lines, images repeated
 * across parts, conflicting labels, mixed datastores, held-back {@code label: []} lines.
 */
class PartsTest {

    @ParameterizedTest
    @EnumSource(Task.class)
    void partsGiveTheWholeRunsReport(Task task) throws IOException {
        byte[] data = dataset(task, 3000, 11);
        for (int parts : new int[] {1, 2, 7, 40}) {
            assertSameReport(DatasetValidator.create(), data, parts);
        }
    }

    @Test
    void settingsAndTheCapHoldAcrossParts() throws IOException {
        byte[] data = dataset(Task.IMAGE_CLASSIFICATION, 2000, 5);
        DatasetValidator validator = DatasetValidator.builder().maxFindings(7)
                .severity(RuleCode.DUPLICATE_IMAGE_URL, Severity.ERROR).disable(RuleCode.BLANK_LINE).build();
        assertSameReport(validator, data, 9);
        // A line holds no more findings than a report keeps: past that they are counted, never made.
        ValidationReport capped = inParts(DatasetValidator.builder().task(Task.IMAGE_CLASSIFICATION).maxFindings(0)
                .build(), data, 5, new ArrayList<>());
        assertThat(JsonReport.toJson(capped)).isEqualTo(JsonReport.toJson(DatasetValidator.builder()
                .task(Task.IMAGE_CLASSIFICATION).maxFindings(0).build().validate(new ByteArrayInputStream(data), "data.jsonl")));
        assertSameReport(DatasetValidator.builder().maxDropped(1).build(), data, 3);
    }

    @Test
    void leadingEmptyLabelsAndNoTaskAtAll() throws IOException {
        String held = "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\n".repeat(5)
                + "{\"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": [\"cat\"]}\n";
        byte[] data = (held + new String(dataset(Task.IMAGE_CLASSIFICATION_MULTILABEL, 400, 3), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertSameReport(DatasetValidator.create(), data, 6);
        byte[] none = ("{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": []}\nnot json\n\n".repeat(30))
                .getBytes(StandardCharsets.UTF_8);
        assertSameReport(DatasetValidator.create(), none, 4);
        assertSameReport(DatasetValidator.create(), new byte[0], 1);
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void aPairInPartsGivesThePairReport(Task task) throws IOException {
        byte[] train = dataset(task, 1200, 21);
        List<String> lines = new ArrayList<>(List.of(new String(dataset(task, 600, 22), StandardCharsets.UTF_8).split("\n")));
        String[] trainLines = new String(train, StandardCharsets.UTF_8).split("\n");
        SplittableRandom random = new SplittableRandom(task.ordinal());
        for (int i = 0; i < 40; i++) {
            lines.add(random.nextInt(lines.size()), trainLines[random.nextInt(trainLines.length)]);
        }
        for (int i = 0; i < 6; i++) {
            int at = random.nextInt(lines.size());
            lines.set(at, lines.get(at).replaceFirst("\"label\": \"[^\"]*\"", "\"label\": \"unseen" + (i % 3) + "\"")
                    .replaceFirst("\"label\": \\[\"[^\"]*\"", "\"label\": [\"unseen" + (i % 3) + "\""));
        }
        byte[] validation = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        DatasetValidator validator = DatasetValidator.create();
        PairReport whole = validator.validatePair(new ByteArrayInputStream(train), "data.jsonl",
                new ByteArrayInputStream(validation), "validation.jsonl");
        EngineSettings settings = validator.engineSettings();
        List<Image> images = new ArrayList<>();
        ValidationReport trained = inParts(settings, train, 5, new ArrayList<>(), null, null, images);
        assertThat(JsonReport.toJson(trained)).isEqualTo(JsonReport.toJson(whole.training()));
        EngineSettings withTask = settings.task() == null && trained.task() != null ? settings.withTask(trained.task())
                : settings;
        for (int parts : new int[] {1, 3, 8}) {
            ValidationReport checked = inParts(withTask, validation, parts, new ArrayList<>(), Training.of(trained),
                    images, null);
            assertThat(JsonReport.toJson(checked)).as("%d parts", parts).isEqualTo(JsonReport.toJson(whole.validation()));
        }
        assertThat(whole.validation().ruleCounts()).containsKeys(RuleCode.TRAIN_VALIDATION_LEAK,
                RuleCode.UNSEEN_VALIDATION_LABEL);
    }

    /** A generated dataset with images repeated (and relabelled) far from their first line and a second datastore. */
    static byte[] dataset(Task task, int records, long seed) {
        byte[] generated = DatasetGenerator.builder().task(task).records(records).invalidRate(0.05).seed(seed).classes(12)
                .build().toBytes();
        List<String> lines = new ArrayList<>(List.of(new String(generated, StandardCharsets.UTF_8).split("\n")));
        SplittableRandom random = new SplittableRandom(seed);
        int n = lines.size();
        for (int i = 0; i < n / 20; i++) {
            String copy = lines.get(random.nextInt(n));
            if (random.nextBoolean() && copy.contains("\"label\": \"")) {
                copy = copy.replaceFirst("\"label\": \"[^\"]*\"", "\"label\": \"relabelled\"");
            }
            lines.add(random.nextInt(lines.size()), copy);
        }
        for (int i = 0; i < 5; i++) {
            int at = random.nextInt(lines.size());
            lines.set(at, lines.get(at).replace("workspaceblobstore", "otherstore" + (i % 2)));
        }
        lines.add(random.nextInt(lines.size()), "");
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void assertSameReport(DatasetValidator validator, byte[] data, int parts) throws IOException {
        ValidationReport whole = validator.validate(new ByteArrayInputStream(data), "data.jsonl");
        List<Finding> every = new ArrayList<>();
        ValidationReport inParts = inParts(validator, data, parts, every);
        assertThat(JsonReport.toJson(inParts)).isEqualTo(JsonReport.toJson(whole));
        Map<RuleCode, Long> counted = new HashMap<>();
        for (Finding f : every) {
            counted.merge(f.rule(), 1L, Long::sum);
        }
        Map<RuleCode, Long> expected = new HashMap<>();
        for (Map.Entry<RuleCode, RuleCount> e : whole.ruleCounts().entrySet()) {
            expected.put(e.getKey(), e.getValue().errors() + e.getValue().warnings() + e.getValue().infos());
        }
        assertThat(counted).isEqualTo(expected);
    }

    /** The engine's part, in memory: cut into parts of whole lines, facts brought together by image. */
    static ValidationReport inParts(DatasetValidator validator, byte[] data, int count, List<Finding> every)
            throws IOException {
        return inParts(validator.engineSettings(), data, count, every, null, null, null);
    }

    /** The images of a training file, by line: {fingerprint, line}. */
    record Image(long fingerprint, long line) {
    }

    /**
     * @param training for a validation file, its training file, else null
     * @param trainingImages the training file's images, in line order
     * @param images where the file's images go, for a training file, or null
     */
    static ValidationReport inParts(EngineSettings settings, byte[] data, int count, List<Finding> every,
            Training training, List<Image> trainingImages, List<Image> images) throws IOException {
        TaskStart task = Parts.detectTask(settings, new ByteArrayInputStream(data));
        List<Integer> starts = new ArrayList<>();
        List<Long> linesBefore = new ArrayList<>();
        long line = 0;
        starts.add(0);
        linesBefore.add(0L);
        int step = Math.max(1, data.length / count);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                line++;
                if (i + 1 < data.length && i + 1 >= starts.get(starts.size() - 1) + step && line >= task.line()) {
                    starts.add(i + 1);
                    linesBefore.add(line);
                }
            }
        }
        starts.add(data.length);
        int n = linesBefore.size();
        List<PartResult> results = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            results.add(read(settings, data, starts, linesBefore, p, task, null, null, training));
        }
        record Fact(long fingerprint, long line, int label) {
        }
        List<Fact> facts = new ArrayList<>();
        for (PartResult r : results) {
            for (int i = 0; i < r.fingerprints().length; i++) {
                facts.add(new Fact(r.fingerprints()[i], r.lines()[i], r.labelHashes()[i]));
            }
        }
        facts.sort(Comparator.comparingLong(Fact::line));
        if (images != null) {
            facts.forEach(f -> images.add(new Image(f.fingerprint(), f.line())));
        }
        FirstLines trained = new FirstLines();
        if (trainingImages != null) {
            trainingImages.forEach(i -> trained.repeatOf(i.fingerprint(), i.line(), 0));
        }
        List<List<long[]>> leaks = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            leaks.add(new ArrayList<>());
        }
        if (training != null) {
            for (Fact f : facts) {
                long trainLine = trained.firstLineOf(f.fingerprint());
                if (trainLine >= 0) {
                    leaks.get(partOf(linesBefore, f.line())).add(new long[] {f.line(), trainLine});
                }
            }
        }
        FirstLines first = new FirstLines();
        List<List<Fact[]>> repeats = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            repeats.add(new ArrayList<>());
        }
        for (Fact f : facts) {
            long[] seen = first.repeatOf(f.fingerprint(), f.line(), f.label());
            if (seen != null) {
                int p = partOf(linesBefore, f.line());
                repeats.get(p).add(new Fact[] {f, new Fact(f.fingerprint(), seen[0], (int) seen[1])});
            }
        }
        List<DatastoreSightings> sightings = results.stream().map(PartResult::sightings).toList();
        List<DatastoreStart> datastores = Parts.datastoreStarts(settings, sightings);
        List<PartShare> partials = new ArrayList<>();
        java.util.Set<String> unseenBefore = new java.util.HashSet<>();
        for (int p = 0; p < n; p++) {
            List<Fact[]> rs = repeats.get(p);
            List<String> unseen = results.get(p).unseenNames();
            boolean again = !rs.isEmpty() || datastores.get(p).reports() || !leaks.get(p).isEmpty()
                    || unseen.stream().anyMatch(unseenBefore::contains);
            java.util.Set<String> before = java.util.Set.copyOf(unseenBefore);
            unseenBefore.addAll(unseen);
            PartKnowledge known = null;
            if (again) {
                long[] at = new long[rs.size()];
                long[] firstLines = new long[rs.size()];
                int[] firstLabels = new int[rs.size()];
                for (int i = 0; i < rs.size(); i++) {
                    at[i] = rs.get(i)[0].line();
                    firstLines[i] = rs.get(i)[1].line();
                    firstLabels[i] = rs.get(i)[1].label();
                }
                List<long[]> ls = leaks.get(p);
                known = new PartKnowledge(at, firstLines, firstLabels, datastores.get(p),
                        ls.stream().mapToLong(l -> l[0]).toArray(), ls.stream().mapToLong(l -> l[1]).toArray(), before);
            }
            partials.add(read(settings, data, starts, linesBefore, p, task, known, every, training).share());
        }
        String source = training == null ? "data.jsonl" : "validation.jsonl";
        every.addAll(Parts.wholeFileFindings(settings, source, task, partials, training));
        return Parts.assemble(settings, source, task, partials, training);
    }

    private static PartResult read(EngineSettings settings, byte[] data, List<Integer> starts, List<Long> linesBefore,
            int p, TaskStart task, PartKnowledge known, List<Finding> every, Training training) throws IOException {
        int from = starts.get(p);
        int to = starts.get(p + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(data, from, to - from);
        return Parts.read(settings, new ByteArrayInputStream(bytes.toByteArray()),
                training == null ? "data.jsonl" : "validation.jsonl", linesBefore.get(p), from == 0, task, known,
                every == null ? null : every::add, training);
    }

    private static int partOf(List<Long> linesBefore, long line) {
        int p = 0;
        while (p + 1 < linesBefore.size() && linesBefore.get(p + 1) < line) {
            p++;
        }
        return p;
    }
}
