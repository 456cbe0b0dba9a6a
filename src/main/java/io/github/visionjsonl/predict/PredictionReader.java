package io.github.visionjsonl.predict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import io.github.visionjsonl.rules.internal.Messages;
import io.github.visionjsonl.rules.internal.NormalizedBoxValidator;
import io.github.visionjsonl.rules.internal.NormalizedPolygonValidator;
import io.github.visionjsonl.rules.internal.RuleSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads scoring responses from a file holding one JSON object, a JSON array of them, or one per
 * line (JSON Lines), and checks each: {@code probs} and {@code labels} of equal length,
 * probabilities in [0, 1] (summing to 1 for multi-class), no label twice, scores in [0, 1], boxes
 * normalized and ordered, polygons as in training data; with a task given, a response of another
 * task's shape is an error. A response may carry an {@code image_url} key beside
 * {@code filename}, naming the image it was scored for.
 */
public final class PredictionReader {

    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());
    private static final double SUM_TOLERANCE = 1e-3;

    /**
     * A prediction as read, with where it was.
     *
     * @param line the line of a JSON Lines file (0 otherwise)
     * @param index the position in the file, from 0
     * @param prediction the prediction, or {@code null} when it could not be read
     * @param valid whether it has no error
     */
    public record Read(long line, int index, Prediction prediction, boolean valid) {
    }

    /**
     * What a file held.
     *
     * @param predictions every prediction read, valid or not
     * @param findings what was wrong, pointing into the file
     */
    public record Result(List<Read> predictions, List<Finding> findings) {

        /** Copies the lists. */
        public Result {
            predictions = List.copyOf(predictions);
            findings = List.copyOf(findings);
        }

        /** The predictions without an error. */
        public List<Prediction> valid() {
            return predictions.stream().filter(Read::valid).map(Read::prediction).toList();
        }

        /** The count of error findings. */
        public long errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        }
    }

    private final Task task;

    /**
     * @param task the task of the model, or {@code null}: then a response of any task's shape is
     *     read, and multi-class probabilities are not checked to sum to 1 (a multi-label response
     *     looks the same)
     */
    public PredictionReader(Task task) {
        this.task = task;
    }

    /** Reads and checks a predictions file. */
    public Result read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Read> reads = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult decoding = StandardCharsets.UTF_8.newDecoder().decode(in, decoded, true);
        if (decoding.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            findings.add(finding(line, "", RuleCode.PREDICTION_SHAPE, "detail",
                    "not UTF-8 text (at byte offset " + in.position() + "): not a file of scoring responses, which are JSON"));
            return new Result(reads, findings);
        }
        String text = decoded.flip().toString();
        String trimmed = text.strip();
        List<String> lines = text.lines().toList();
        if (trimmed.startsWith("[") || !firstLineIsObject(lines)) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                findings.add(finding(0, "", RuleCode.PREDICTION_SHAPE, "detail", "not JSON: " + e.getOriginalMessage()));
                return new Result(reads, findings);
            }
            if (root != null && root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    reads.add(check(root.get(i), 0, i, "/" + i, findings));
                }
            } else if (root != null) {
                reads.add(check(root, 0, 0, "", findings));
            }
        } else {
            int index = 0;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    reads.add(check(JSON.readTree(line), n + 1, index++, "", findings));
                } catch (JsonProcessingException e) {
                    findings.add(finding(n + 1, "", RuleCode.PREDICTION_SHAPE, "detail", "not JSON: " + e.getOriginalMessage()));
                    reads.add(new Read(n + 1, index++, null, false));
                }
            }
        }
        return new Result(reads, findings);
    }

    private static boolean firstLineIsObject(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                try {
                    return JSON.readTree(line).isObject();
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private Read check(JsonNode node, long line, int index, String at, List<Finding> findings) {
        int before = errorCount(findings);
        if (!node.isObject()) {
            findings.add(finding(line, at, RuleCode.PREDICTION_SHAPE, "detail", "a prediction must be a JSON object"));
            return new Read(line, index, null, false);
        }
        String filename = node.path("filename").isTextual() ? node.get("filename").asText() : null;
        String imageUrl = node.path("image_url").isTextual() ? node.get("image_url").asText() : null;
        Prediction p;
        if (node.has("boxes") && task != null && !task.hasObjects()) {
            findings.add(finding(line, at + "/boxes", RuleCode.PREDICTION_SHAPE, "detail", "a detection or segmentation "
                    + "response (\"boxes\"), but the task is " + task.sdkName() + ": the response of another model?"));
            p = null;
        } else if (node.has("boxes")) {
            p = objects(node, filename, imageUrl, line, at, findings);
        } else if ((node.has("probs") || node.has("labels")) && task != null && task.hasObjects()) {
            findings.add(finding(line, at, RuleCode.PREDICTION_SHAPE, "detail", "a classification response (\"probs\" and "
                    + "\"labels\", no \"boxes\"), but the task is " + task.sdkName() + ": the response of another model?"));
            p = null;
        } else if (node.has("probs") || node.has("labels")) {
            p = classes(node, filename, imageUrl, line, at, findings);
        } else {
            findings.add(finding(line, at, RuleCode.PREDICTION_SHAPE, "detail",
                    "a prediction needs \"probs\" and \"labels\" (classification) or \"boxes\" (detection, segmentation)"));
            p = null;
        }
        return new Read(line, index, p, p != null && errorCount(findings) == before);
    }

    private static int errorCount(List<Finding> findings) {
        return (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    private ClassPrediction classes(JsonNode node, String filename, String imageUrl, long line, String at,
            List<Finding> findings) {
        JsonNode labels = node.path("labels");
        JsonNode probs = node.path("probs");
        if (!labels.isArray() || !probs.isArray()) {
            findings.add(finding(line, at, RuleCode.PREDICTION_SHAPE, "detail", "\"probs\" and \"labels\" must both be lists"));
            return null;
        }
        if (labels.size() != probs.size()) {
            findings.add(finding(line, at + "/probs", RuleCode.PREDICTION_LENGTH, "probs", probs.size(), "labels", labels.size()));
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).isTextual()) {
                findings.add(finding(line, at + "/labels/" + i, RuleCode.PREDICTION_SHAPE, "detail",
                        "labels must be strings, was " + labels.get(i)));
                names.add(labels.get(i).asText());
            } else {
                names.add(labels.get(i).asText());
            }
            if (!seen.add(names.get(i))) {
                findings.add(finding(line, at + "/labels/" + i, RuleCode.PREDICTION_DUPLICATE_LABEL, "value", names.get(i)));
            }
        }
        double[] values = new double[probs.size()];
        double sum = 0;
        for (int i = 0; i < probs.size(); i++) {
            JsonNode v = probs.get(i);
            if (!v.isNumber()) {
                findings.add(finding(line, at + "/probs/" + i, RuleCode.PREDICTION_SHAPE, "detail",
                        "probs must be numbers, was " + v));
                continue;
            }
            values[i] = v.asDouble();
            if (!(values[i] >= 0 && values[i] <= 1)) {
                findings.add(finding(line, at + "/probs/" + i, RuleCode.PROBABILITY_RANGE, "value", v.asText()));
            }
            sum += values[i];
        }
        if (task == Task.IMAGE_CLASSIFICATION && probs.size() > 0 && Math.abs(sum - 1) > SUM_TOLERANCE) {
            findings.add(finding(line, at + "/probs", RuleCode.PROBABILITY_SUM, "sum", String.format(Locale.ROOT, "%.6f", sum)));
        }
        int n = Math.min(names.size(), values.length);
        return new ClassPrediction(filename, imageUrl, names.subList(0, n), Arrays.copyOf(values, n));
    }

    private ObjectPrediction objects(JsonNode node, String filename, String imageUrl, long line, String at,
            List<Finding> findings) {
        JsonNode boxes = node.path("boxes");
        if (!boxes.isArray()) {
            findings.add(finding(line, at + "/boxes", RuleCode.PREDICTION_SHAPE, "detail", "\"boxes\" must be a list"));
            return null;
        }
        List<PredictedObject> objects = new ArrayList<>();
        // a segmentation model gives every object a polygon, a detection model none
        int firstOfOtherTask = -1;
        int ofOtherTask = 0;
        for (int i = 0; i < boxes.size(); i++) {
            String where = at + "/boxes/" + i;
            JsonNode o = boxes.get(i);
            JsonNode box = o.path("box");
            String[] keys = {"topX", "topY", "bottomX", "bottomY"};
            double[] c = new double[4];
            boolean ok = o.path("label").isTextual() && o.path("score").isNumber() && box.isObject();
            for (int k = 0; ok && k < 4; k++) {
                ok = box.path(keys[k]).isNumber();
                c[k] = box.path(keys[k]).asDouble();
            }
            if (!ok) {
                findings.add(finding(line, where, RuleCode.PREDICTION_SHAPE, "detail",
                        "an object needs \"label\" (string), \"score\" (number) and \"box\" with topX, topY, bottomX, bottomY"));
                continue;
            }
            double score = o.get("score").asDouble();
            if (!(score >= 0 && score <= 1)) {
                findings.add(finding(line, where + "/score", RuleCode.SCORE_RANGE, "value", o.get("score").asText()));
            }
            PredictedObject object = new PredictedObject(o.get("label").asText(), score, c[0], c[1], c[2], c[3],
                    polygon(o.get("polygon"), line, where + "/polygon", findings));
            NormalizedBoxValidator.check(object, sink(line, where + "/box", findings));
            if (object.polygon() != null) {
                NormalizedPolygonValidator.check(object.polygon(), sink(line, where + "/polygon", findings));
            }
            objects.add(object);
            if (task != null && (task == Task.IMAGE_INSTANCE_SEGMENTATION) != o.hasNonNull("polygon")) {
                firstOfOtherTask = firstOfOtherTask < 0 ? i : firstOfOtherTask;
                ofOtherTask++;
            }
        }
        if (firstOfOtherTask >= 0) {
            findings.add(finding(line, at + "/boxes/" + firstOfOtherTask, RuleCode.PREDICTION_SHAPE, "detail",
                    ofOtherTask + " of " + objects.size() + (task == Task.IMAGE_INSTANCE_SEGMENTATION
                        ? " objects have no \"polygon\": a detection response, but the task is "
                        : " objects have a \"polygon\": a segmentation response, but the task is ") + task.sdkName()));
            return null;
        }
        return new ObjectPrediction(filename, imageUrl, objects);
    }

    private static Polygon polygon(JsonNode node, long line, String where, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        boolean ok = node.isArray() && node.size() > 0;
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; ok && s < node.size(); s++) {
            JsonNode seg = node.get(s);
            ok = seg.isArray() && seg.size() > 0;
            double[] v = new double[ok ? seg.size() : 0];
            for (int k = 0; ok && k < seg.size(); k++) {
                ok = seg.get(k).isNumber();
                v[k] = seg.get(k).asDouble();
            }
            segments.add(new Segment(v));
        }
        if (!ok) {
            findings.add(finding(line, where, RuleCode.PREDICTION_SHAPE, "detail",
                    "polygon must be a list of segments [[x1, y1, x2, y2, ...], ...]"));
            return null;
        }
        return new Polygon(segments);
    }

    private static RuleSink sink(long line, String prefix, List<Finding> findings) {
        return (rule, relative, key, params) -> findings.add(new Finding(line, 0, prefix + relative, rule,
                rule.defaultSeverity(), Messages.format(key, params)));
    }

    private static Finding finding(long line, String pointer, RuleCode rule, Object... params) {
        return new Finding(line, 0, pointer, rule, rule.defaultSeverity(), Messages.format(rule.code(), params));
    }
}
