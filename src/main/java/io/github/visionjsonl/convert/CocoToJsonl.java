package io.github.visionjsonl.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.internal.ImageFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * COCO (instances JSON) to AutoML JSONL, for detection or instance segmentation. Each image's own
 * width and height normalize its annotations: a box {@code [x, y, w, h]} becomes
 * {@code topX = x / width, topY = y / height, bottomX = (x + w) / width, bottomY = (y + h) / height};
 * a polygon vertex {@code (x, y)} becomes {@code (x / width, y / height)}. {@code iscrowd}
 * becomes {@code isCrowd}, an image without annotations {@code "label": []}, the file name keeps
 * its folders behind the base URL. Values outside the image are clamped, each with a
 * {@code convert-clamped} finding. RLE masks (uncompressed and compressed {@code counts}) are
 * decoded and traced into polygons ({@link RleMask}): outer borders and holes become separate
 * segments, which the runtime combines by XOR.
 */
public final class CocoToJsonl {

    private final Task task;
    private final String baseUrl;
    private final double rleTolerance;

    /**
     * @param task {@link Task#IMAGE_OBJECT_DETECTION} or {@link Task#IMAGE_INSTANCE_SEGMENTATION}
     * @param baseUrl prefix of every image URL, e.g. {@code AmlDatastore://workspaceblobstore/fridge/images/}
     */
    public CocoToJsonl(Task task, String baseUrl) {
        this(task, baseUrl, 1.0);
    }

    /**
     * @param rleTolerance how far, in pixels, the polygons traced from RLE masks may stray from
     *     the mask's border (Douglas-Peucker); 0 keeps every corner
     */
    public CocoToJsonl(Task task, String baseUrl, double rleTolerance) {
        this.rleTolerance = rleTolerance;
        if (!task.hasObjects()) {
            throw new IllegalArgumentException("COCO converts to detection or segmentation, not " + task);
        }
        this.task = task;
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    /**
     * Converts a COCO file into a new JSONL file, then validates what it wrote.
     *
     * @throws IOException when the input cannot be read or the output exists or cannot be written
     */
    public ConversionResult convert(Path coco, Path output) throws IOException {
        ConversionLog log = new ConversionLog();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(coco.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.add(RuleCode.CONVERT_INPUT, coco.toString(), "convert-input", "detail",
                    "not a COCO JSON file: " + e.getOriginalMessage());
            return new ConversionResult(output, 0, log.findings(), null);
        }
        if (!root.path("images").isArray() || !root.path("categories").isArray()) {
            log.add(RuleCode.CONVERT_INPUT, "", "convert-input", "detail",
                    "a COCO file needs \"images\" and \"categories\" lists");
            return new ConversionResult(output, 0, log.findings(), null);
        }
        Map<Long, String> categories = new HashMap<>();
        for (JsonNode c : root.path("categories")) {
            categories.put(c.path("id").asLong(), c.path("name").asText());
        }
        Map<Long, List<Integer>> byImage = new LinkedHashMap<>();
        JsonNode annotations = root.path("annotations");
        for (int i = 0; i < annotations.size(); i++) {
            byImage.computeIfAbsent(annotations.get(i).path("image_id").asLong(), k -> new ArrayList<>()).add(i);
        }
        long written = 0;
        try (JsonlWriter out = JsonlWriter.create(output)) {
            JsonNode images = root.path("images");
            for (int i = 0; i < images.size(); i++) {
                JsonNode image = images.get(i);
                ImageRecord record = record(image, i, byImage.getOrDefault(image.path("id").asLong(), List.of()),
                        categories, annotations, log);
                if (record != null) {
                    out.write(record);
                    written++;
                }
            }
            out.commit();
        }
        return new ConversionResult(output, written, log.findings(),
                DatasetValidator.builder().task(task).build().validate(output));
    }

    private ImageRecord record(JsonNode image, int index, List<Integer> annotations, Map<Long, String> categories,
            JsonNode all, ConversionLog log) {
        String where = "/images/" + index;
        String file = image.path("file_name").asText("");
        double width = image.path("width").asDouble(0);
        double height = image.path("height").asDouble(0);
        if (file.isEmpty() || width <= 0 || height <= 0) {
            log.add(RuleCode.CONVERT_SKIPPED, where, "convert-skipped", "what", "image " + image.path("id").asText(),
                    "reason", "it needs file_name, width and height");
            return null;
        }
        String size = (long) width + "x" + (long) height;
        String url = baseUrl + file.replace('\\', '/');
        String extension = ImageFormats.extension(file);
        ImageDetails details = new ImageDetails(extension == null ? null : extension.toLowerCase(Locale.ROOT),
                (int) width, (int) height);
        List<BoundingBox> boxes = new ArrayList<>();
        List<InstanceMask> masks = new ArrayList<>();
        for (int n : annotations) {
            JsonNode a = all.get(n);
            String at = "/annotations/" + n;
            String label = categories.get(a.path("category_id").asLong());
            if (label == null) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "annotation " + a.path("id").asText(),
                        "reason", "category " + a.path("category_id").asText() + " is not in \"categories\"");
                continue;
            }
            boolean crowd = a.path("iscrowd").asInt(0) == 1;
            if (task == Task.IMAGE_OBJECT_DETECTION) {
                JsonNode bbox = a.path("bbox");
                if (!bbox.isArray() || bbox.size() != 4) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "annotation " + a.path("id").asText(),
                            "reason", "no bbox [x, y, width, height]");
                    continue;
                }
                double x = bbox.get(0).asDouble();
                double y = bbox.get(1).asDouble();
                double w = bbox.get(2).asDouble();
                double h = bbox.get(3).asDouble();
                boxes.add(new BoundingBox(label, log.clamp(x / width, "topX", at + "/bbox/0", size),
                        log.clamp(y / height, "topY", at + "/bbox/1", size),
                        log.clamp((x + w) / width, "bottomX", at + "/bbox/2", size),
                        log.clamp((y + h) / height, "bottomY", at + "/bbox/3", size), crowd));
            } else {
                JsonNode seg = a.path("segmentation");
                if (seg.isObject()) {
                    List<Segment> traced = rle(seg, width, height, at, a, log);
                    if (traced != null) {
                        masks.add(new InstanceMask(label, new Polygon(traced), crowd, null));
                    }
                    continue;
                }
                if (!seg.isArray()) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "annotation " + a.path("id").asText(),
                            "reason", "no segmentation");
                    continue;
                }
                List<Segment> segments = new ArrayList<>();
                for (int s = 0; s < seg.size(); s++) {
                    JsonNode points = seg.get(s);
                    double[] coordinates = new double[points.size()];
                    for (int k = 0; k < points.size(); k++) {
                        double v = points.get(k).asDouble() / (k % 2 == 0 ? width : height);
                        coordinates[k] = log.clamp(v, k % 2 == 0 ? "x" : "y", at + "/segmentation/" + s + "/" + k, size);
                    }
                    segments.add(new Segment(coordinates));
                }
                masks.add(new InstanceMask(label, new Polygon(segments), crowd, null));
            }
        }
        return task == Task.IMAGE_OBJECT_DETECTION ? new DetectionRecord(url, details, boxes)
                : new SegmentationRecord(url, details, masks);
    }

    /** An RLE mask traced into polygon segments, normalized; null (with a finding) when it cannot be. */
    private List<Segment> rle(JsonNode seg, double width, double height, String at, JsonNode a, ConversionLog log) {
        JsonNode size = seg.path("size");
        JsonNode counts = seg.path("counts");
        try {
            if (!size.isArray() || size.size() != 2) {
                throw new IllegalArgumentException("an RLE mask needs \"size\": [height, width]");
            }
            int h = size.get(0).asInt();
            int w = size.get(1).asInt();
            RleMask mask;
            if (counts.isTextual()) {
                mask = RleMask.ofCompressed(h, w, counts.asText());
            } else if (counts.isArray()) {
                long[] c = new long[counts.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = counts.get(i).asLong();
                }
                mask = RleMask.of(h, w, c);
            } else {
                throw new IllegalArgumentException("an RLE mask needs \"counts\"");
            }
            List<Segment> segments = new ArrayList<>();
            for (double[] ring : mask.rings(rleTolerance)) {
                double[] normalized = new double[ring.length];
                for (int k = 0; k < ring.length; k++) {
                    normalized[k] = log.clamp(ring[k] / (k % 2 == 0 ? width : height), k % 2 == 0 ? "x" : "y",
                            at + "/segmentation", (long) width + "x" + (long) height);
                }
                segments.add(new Segment(normalized));
            }
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("the RLE mask is empty");
            }
            return segments;
        } catch (IllegalArgumentException | ArithmeticException e) {
            log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "annotation " + a.path("id").asText(),
                    "reason", e.getMessage());
            return null;
        }
    }
}
