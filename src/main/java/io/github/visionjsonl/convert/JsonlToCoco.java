package io.github.visionjsonl.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.internal.ImageRoot;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.RecordReader;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * AutoML JSONL (detection or instance segmentation) to COCO, for other tools' evaluators and
 * viewers. Sizes come from {@code image_details}; boxes and polygons go back to pixels
 * ({@code x = topX * width}, {@code w = (bottomX - topX) * width}); categories get ids 1, 2, ...
 * by class name, so the same classes always get the same ids; {@code file_name} is the path in
 * the datastore. Lines with an error are not converted (they are in the validation report); a
 * record without width and height (in {@code image_details}, or in its image file under the
 * images root when one is given) is left out with a {@code convert-skipped} finding.
 */
public final class JsonlToCoco {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private final DatasetValidator validator;
    private final Path imagesRoot;
    private final ImageRoot images;
    private final String baseUrl;

    /** @param validator the validator that reads the JSONL file (its task, if any, is kept) */
    public JsonlToCoco(DatasetValidator validator) {
        this(validator, null);
    }

    /**
     * @param imagesRoot where the images are (mapped as for {@code --images-root}): a record
     *     without width and height in {@code image_details} takes them from its image file's
     *     header; {@code null} to use {@code image_details} only
     */
    public JsonlToCoco(DatasetValidator validator, Path imagesRoot) {
        this(validator, imagesRoot, "");
    }

    /**
     * @param baseUrl the prefix stripped from every {@code image_url} to give {@code file_name}
     *     ({@code AmlDatastore://ws/fridge/images/} turns {@code .../images/kitchen/a.jpg} into
     *     {@code kitchen/a.jpg}); a URL that does not start with it keeps its datastore path, with a
     *     {@code convert-guessed} finding; empty for the datastore path of every URL
     */
    public JsonlToCoco(DatasetValidator validator, Path imagesRoot, String baseUrl) {
        this.validator = validator;
        this.imagesRoot = imagesRoot == null ? null : imagesRoot.toAbsolutePath().normalize();
        this.images = imagesRoot == null ? null : new ImageRoot(imagesRoot);
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    /** The size of the record's image: from image_details, else from the file under the root; null when unknown. */
    private int[] size(ImageRecord record) {
        ImageDetails d = record.imageDetails();
        if (d.hasSize()) {
            return new int[] {d.width(), d.height()};
        }
        if (imagesRoot == null) {
            return null;
        }
        // Opened once below the root, as the image checks do: no link out, no FIFO, no swap after the check.
        try (ImageRoot.Opened file = images.open(fileName(record.imageUrl()))) {
            io.github.visionjsonl.images.internal.ImageHeader.Info info =
                    io.github.visionjsonl.images.internal.ImageHeader.read(file.channel());
            return info == null || info.width() <= 0 ? null : new int[] {info.width(), info.height()};
        } catch (ImageRoot.Refusal | IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Converts a JSONL file into a new COCO file, written atomically.
     *
     * @throws IOException when the input cannot be read or the output exists or cannot be written
     */
    public ConversionResult convert(Path jsonl, Path output) throws IOException {
        ConversionLog log = new ConversionLog();
        io.github.visionjsonl.report.ValidationReport report;
        TreeSet<String> classes = new TreeSet<>();
        try (RecordReader<ImageRecord> reader = validator.records(jsonl)) {
            reader.forEach(r -> classes.addAll(r.record().classNames()));
            report = reader.report();
        }
        Map<String, Integer> ids = new TreeMap<>();
        for (String name : classes) {
            ids.put(name, ids.size() + 1);
        }
        long[] images = {0};
        Path absolute = output.toAbsolutePath();
        io.github.visionjsonl.internal.files.AtomicOutput.write(output, out -> {
            // The annotations go to a file beside the output while the images are written, then are
            // copied after them: one more pass over the input, never every record in memory.
            Path side = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".annotations.tmp");
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("images");
                try (RecordReader<ImageRecord> reader = validator.records(jsonl);
                        JsonGenerator a = JSON.createGenerator(Files.newOutputStream(side))) {
                    a.writeStartArray();
                    int[] annotation = {0};
                    reader.forEach(r -> {
                        int[] size = size(r.record());
                        if (size == null) {
                            log.add(RuleCode.CONVERT_SKIPPED, "line " + r.line(), "convert-skipped", "what", "line " + r.line(),
                                    "reason", imagesRoot == null
                                            ? "image_details has no width and height, which COCO needs for pixels"
                                            : "no width and height in image_details nor a readable image under " + imagesRoot);
                            return;
                        }
                        int image = (int) ++images[0];
                        try {
                            g.writeStartObject();
                            g.writeNumberField("id", image);
                            g.writeStringField("file_name", cocoFileName(r.record().imageUrl(), r.line(), log));
                            g.writeNumberField("width", size[0]);
                            g.writeNumberField("height", size[1]);
                            g.writeEndObject();
                            annotations(a, r.record(), image, size, ids, annotation);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    a.writeEndArray();
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                g.writeEndArray();
                g.writeFieldName("annotations");
                // an empty raw value writes the separator; the array itself is copied as bytes
                g.writeRawValue("");
                g.flush();
                Files.copy(side, out);
                g.writeArrayFieldStart("categories");
                for (Map.Entry<String, Integer> c : ids.entrySet()) {
                    g.writeStartObject();
                    g.writeNumberField("id", c.getValue());
                    g.writeStringField("name", c.getKey());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            } finally {
                Files.deleteIfExists(side);
            }
        });
        List<io.github.visionjsonl.report.Finding> findings = new ArrayList<>(report.findings());
        findings.addAll(log.findings());
        return new ConversionResult(output, images[0], findings, report.findingCount() + log.count(), report);
    }

    /** The boxes or masks of one record as COCO annotations of the image, in pixels. */
    private static void annotations(JsonGenerator a, ImageRecord record, int image, int[] size, Map<String, Integer> ids,
            int[] last) throws IOException {
        double w = size[0];
        double h = size[1];
        if (record instanceof DetectionRecord det) {
            for (BoundingBox b : det.boxes()) {
                double[] box = {b.topX() * w, b.topY() * h, b.width() * w, b.height() * h};
                annotation(a, ++last[0], image, ids.get(b.label()), box, null, b.crowd(), w, h);
            }
        } else if (record instanceof SegmentationRecord seg) {
            for (InstanceMask m : seg.masks()) {
                double[] e = m.polygon().extent();
                double[] box = e == null ? new double[4]
                        : new double[] {e[0] * w, e[1] * h, (e[2] - e[0]) * w, (e[3] - e[1]) * h};
                annotation(a, ++last[0], image, ids.get(m.label()), box, m, m.crowd(), w, h);
            }
        }
    }

    private static void annotation(JsonGenerator g, int id, int image, int category, double[] box, InstanceMask mask,
            boolean crowd, double width, double height) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("image_id", image);
        g.writeNumberField("category_id", category);
        g.writeArrayFieldStart("bbox");
        for (double v : box) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeNumberField("area", box[2] * box[3]);
        g.writeNumberField("iscrowd", crowd ? 1 : 0);
        if (mask != null) {
            g.writeArrayFieldStart("segmentation");
            for (Segment s : mask.polygon().segments()) {
                g.writeStartArray();
                for (int k = 0; k < s.size(); k++) {
                    g.writeNumber(s.get(k) * (k % 2 == 0 ? width : height));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The URL behind the base URL; without a base URL (or a URL outside it, said so) the path in its datastore. */
    private String cocoFileName(String url, long line, ConversionLog log) {
        if (baseUrl.isEmpty()) {
            return fileName(url);
        }
        if (url.startsWith(baseUrl) && url.length() > baseUrl.length()) {
            String rest = url.substring(baseUrl.length());
            return rest.startsWith("/") ? rest.substring(1) : rest;
        }
        String name = fileName(url);
        log.add(RuleCode.CONVERT_GUESSED, "line " + line, "convert-guessed", "what", "line " + line + ": image_url "
                + (url.length() > 200 ? url.substring(0, 200) + "..." : url) + " does not start with the base URL "
                + baseUrl + "; file_name is " + name);
        return name;
    }

    /** The path in the datastore for datastore URLs, else the URL as it is. */
    static String fileName(String url) {
        ImageUrls.DatastorePath d = ImageUrls.datastorePath(url.strip());
        return d == null ? url : d.path();
    }
}
