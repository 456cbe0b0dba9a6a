package io.github.visionjsonl.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *
 * <p>Nothing of the input becomes a default silently: a table that is not a list is a
 * {@code convert-input} error; an element whose id is not an integer, a box that is not four
 * finite numbers, a size that is not a positive whole number, a polygon of fewer than three
 * points and an annotation left with no polygon (unless {@link #boxAsPolygon(boolean)}) are left
 * out, each with a {@code convert-skipped} finding on its JSON pointer.
 */
public final class CocoToJsonl {

    private final Task task;
    private final String baseUrl;
    private final double rleTolerance;
    private final boolean boxAsPolygon;

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
        this.boxAsPolygon = false;
        if (!task.hasObjects()) {
            throw new IllegalArgumentException("COCO converts to detection or segmentation, not " + task);
        }
        this.task = task;
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    private CocoToJsonl(CocoToJsonl other, boolean boxAsPolygon) {
        this.task = other.task;
        this.baseUrl = other.baseUrl;
        this.rleTolerance = other.rleTolerance;
        this.boxAsPolygon = boxAsPolygon;
    }

    /**
     * The same converter, which (for segmentation) turns the {@code bbox} of an annotation without
     * a usable segmentation into a 4-point polygon instead of leaving the annotation out.
     */
    public CocoToJsonl boxAsPolygon(boolean boxAsPolygon) {
        return new CocoToJsonl(this, boxAsPolygon);
    }

    /**
     * Converts a COCO file into a new JSONL file, then validates what it wrote.
     *
     * @throws IOException when the input cannot be read or the output exists or cannot be written
     */
    public ConversionResult convert(Path coco, Path output) throws IOException {
        ConversionLog log = new ConversionLog();
        CocoTables tables = CocoTables.read(coco, task == Task.IMAGE_INSTANCE_SEGMENTATION, log);
        if (tables == null) {
            return log.result(output, 0, null);
        }
        long written = 0;
        try (JsonlWriter out = JsonlWriter.create(output)) {
            for (CocoTables.Image image : tables.images) {
                out.write(record(image, tables.byImage.getOrDefault(image.id(), List.of()), tables.categories, log));
                written++;
            }
            out.commit();
        }
        return log.result(output, written, DatasetValidator.builder().task(task).build().validate(output));
    }

    private ImageRecord record(CocoTables.Image image, List<CocoTables.Annotation> annotations,
            Map<Long, String> categories, ConversionLog log) {
        double width = image.width();
        double height = image.height();
        String size = image.width() + "x" + image.height();
        String url = baseUrl + image.file().replace('\\', '/');
        String extension = ImageFormats.extension(image.file());
        ImageDetails details = new ImageDetails(extension == null ? null : extension.toLowerCase(Locale.ROOT),
                image.width(), image.height());
        List<BoundingBox> boxes = new ArrayList<>();
        List<InstanceMask> masks = new ArrayList<>();
        for (CocoTables.Annotation a : annotations) {
            String at = "/annotations/" + a.index();
            String what = "annotation " + a.id();
            String label = categories.get(a.category());
            if (label == null) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", what,
                        "reason", "category " + a.category() + " is not in \"categories\"");
                continue;
            }
            if (task == Task.IMAGE_OBJECT_DETECTION) {
                if (a.bbox() == null) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", what, "reason", a.bboxProblem());
                    continue;
                }
                double[] b = a.bbox();
                boxes.add(new BoundingBox(label, log.clamp(b[0] / width, "topX", at + "/bbox/0", size),
                        log.clamp(b[1] / height, "topY", at + "/bbox/1", size),
                        log.clamp((b[0] + b[2]) / width, "bottomX", at + "/bbox/2", size),
                        log.clamp((b[1] + b[3]) / height, "bottomY", at + "/bbox/3", size), a.crowd()));
                continue;
            }
            JsonNode seg = a.segmentation();
            List<Segment> segments = seg.isObject() ? rle(seg, image, at, what, log) : polygons(seg, width, height, at, what, size, log);
            if (segments == null || segments.isEmpty()) {
                if (seg.isObject() && segments == null) {
                    continue;
                }
                if (!boxAsPolygon || a.bbox() == null) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", what, "reason",
                            (seg.isMissingNode() || seg.isNull() || seg.isArray() && seg.isEmpty() ? "no segmentation"
                                    : "no polygon of at least 3 points in its segmentation")
                                    + (boxAsPolygon ? " and " + a.bboxProblem() : " (--box-as-polygon makes its bbox the polygon)"));
                    continue;
                }
                segments = List.of(boxPolygon(a.bbox(), width, height, at, size, log));
            }
            masks.add(new InstanceMask(label, new Polygon(segments), a.crowd(), null));
        }
        return task == Task.IMAGE_OBJECT_DETECTION ? new DetectionRecord(url, details, boxes)
                : new SegmentationRecord(url, details, masks);
    }

    /**
     * The polygons of a COCO polygon list, normalized; a polygon that is not a list of at least
     * three finite points is left out with a finding.
     */
    private static List<Segment> polygons(JsonNode seg, double width, double height, String at, String what, String size,
            ConversionLog log) {
        List<Segment> segments = new ArrayList<>();
        if (!seg.isArray()) {
            return segments;
        }
        for (int s = 0; s < seg.size(); s++) {
            JsonNode points = seg.get(s);
            String problem = !points.isArray() ? "is " + CocoTables.quote(points) + ", not a list of x, y values"
                    : points.size() < 6 || points.size() % 2 != 0 ? "has " + points.size()
                            + " values, not x, y pairs of at least 3 points" : null;
            for (int k = 0; problem == null && k < points.size(); k++) {
                if (!points.get(k).isNumber() || !Double.isFinite(points.get(k).asDouble())) {
                    problem = "value " + k + " is " + CocoTables.quote(points.get(k)) + ", not a finite number";
                }
            }
            if (problem != null) {
                log.add(RuleCode.CONVERT_SKIPPED, at + "/segmentation/" + s, "convert-skipped", "what",
                        "polygon " + s + " of " + what, "reason", "it " + problem);
                continue;
            }
            double[] coordinates = new double[points.size()];
            for (int k = 0; k < points.size(); k++) {
                double v = points.get(k).asDouble() / (k % 2 == 0 ? width : height);
                coordinates[k] = log.clamp(v, k % 2 == 0 ? "x" : "y", at + "/segmentation/" + s + "/" + k, size);
            }
            segments.add(new Segment(coordinates));
        }
        return segments;
    }

    /** The corners of a COCO box {@code [x, y, w, h]} as a normalized 4-point polygon. */
    private static Segment boxPolygon(double[] b, double width, double height, String at, String size, ConversionLog log) {
        double x0 = log.clamp(b[0] / width, "x", at + "/bbox/0", size);
        double y0 = log.clamp(b[1] / height, "y", at + "/bbox/1", size);
        double x1 = log.clamp((b[0] + b[2]) / width, "x", at + "/bbox/2", size);
        double y1 = log.clamp((b[1] + b[3]) / height, "y", at + "/bbox/3", size);
        return new Segment(new double[] {x0, y0, x1, y0, x1, y1, x0, y1});
    }

    /** An RLE mask traced into polygon segments, normalized; null (with a finding) when it cannot be. */
    private List<Segment> rle(JsonNode seg, CocoTables.Image image, String at, String what, ConversionLog log) {
        JsonNode size = seg.path("size");
        JsonNode counts = seg.path("counts");
        try {
            Long h = size.isArray() && size.size() == 2 ? CocoTables.integer(size.get(0)) : null;
            Long w = size.isArray() && size.size() == 2 ? CocoTables.integer(size.get(1)) : null;
            if (h == null || w == null || h <= 0 || w <= 0 || h > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("an RLE mask needs \"size\": [height, width] of two positive whole "
                        + "numbers, not " + CocoTables.quote(size));
            }
            RleMask mask;
            if (counts.isTextual()) {
                mask = RleMask.ofCompressed(h.intValue(), w.intValue(), counts.asText());
            } else if (counts.isArray()) {
                long[] c = new long[counts.size()];
                for (int i = 0; i < c.length; i++) {
                    Long count = CocoTables.integer(counts.get(i));
                    if (count == null || count < 0) {
                        throw new IllegalArgumentException("count " + i + " of the RLE mask is "
                                + CocoTables.quote(counts.get(i)) + ", not a whole number >= 0");
                    }
                    c[i] = count;
                }
                mask = RleMask.of(h.intValue(), w.intValue(), c);
            } else {
                throw new IllegalArgumentException("an RLE mask needs \"counts\"");
            }
            String pixels = image.width() + "x" + image.height();
            List<Segment> segments = new ArrayList<>();
            for (double[] ring : mask.rings(rleTolerance)) {
                double[] normalized = new double[ring.length];
                for (int k = 0; k < ring.length; k++) {
                    normalized[k] = log.clamp(ring[k] / (k % 2 == 0 ? image.width() : image.height()),
                            k % 2 == 0 ? "x" : "y", at + "/segmentation", pixels);
                }
                segments.add(new Segment(normalized));
            }
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("the RLE mask is empty");
            }
            return segments;
        } catch (IllegalArgumentException | ArithmeticException e) {
            log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", what, "reason", e.getMessage());
            return null;
        }
    }
}
