package io.github.visionjsonl.convert;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageHeader;
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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * YOLO ({@code labels/*.txt}, one object per row, normalized) to AutoML JSONL. A detection row
 * {@code class cx cy w h} becomes {@code topX = cx - w/2, topY = cy - h/2, bottomX = cx + w/2,
 * bottomY = cy + h/2}; a segmentation row {@code class x1 y1 x2 y2 ...} becomes a one-segment
 * polygon. Class names come from a names file (one per line) or a {@code data.yaml} with
 * {@code names:} as a list or a map. The image is the file of the same name in
 * {@code images/} (jpg, jpeg, png, bmp, tif, tiff), whose header gives {@code image_details};
 * without it the URL is guessed as {@code <name>.jpg}, without {@code image_details}, and a
 * {@code convert-guessed} finding says so.
 */
public final class YoloToJsonl {

    private static final String[] EXTENSIONS = {"jpg", "jpeg", "png", "bmp", "tif", "tiff", "JPG", "JPEG", "PNG"};

    private final Task task;
    private final String baseUrl;
    private final List<String> names;

    /**
     * @param task detection or segmentation
     * @param names the class names by index
     */
    public YoloToJsonl(Task task, String baseUrl, List<String> names) {
        if (!task.hasObjects()) {
            throw new IllegalArgumentException("YOLO converts to detection or segmentation, not " + task);
        }
        this.task = task;
        this.baseUrl = baseUrl == null ? "" : baseUrl;
        this.names = List.copyOf(names);
    }

    /**
     * Reads class names from a {@code data.yaml} ({@code names: [a, b]}, a block list, or a map
     * {@code 0: a}) or from a plain file of one name per line (UTF-8).
     *
     * @throws IOException when the file cannot be read, is not UTF-8 text, is not YAML (the
     *     message says where), or has no list of names
     */
    public static List<String> readNames(Path file) throws IOException {
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (f.endsWith(".yaml") || f.endsWith(".yml")) {
            return DataYaml.names(file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: give a names file of one class name per line, "
                    + "or a data.yaml", e);
        }
        return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Converts a YOLO dataset folder (with {@code labels/} and {@code images/}) into a new JSONL file.
     *
     * @throws IOException when the folder cannot be read or the output exists or cannot be written
     */
    public ConversionResult convert(Path folder, Path output) throws IOException {
        Path labels = Files.isDirectory(folder.resolve("labels")) ? folder.resolve("labels") : folder;
        Path images = folder.resolve("images");
        List<Path> files;
        try (Stream<Path> s = Files.list(labels)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        ConversionLog log = new ConversionLog();
        boolean noImages = !Files.isDirectory(images);
        Guesses guesses = new Guesses();
        long written = ConversionLog.write(files, file -> {
            ImageRecord record = record(file, images, log, !noImages);
            if (record != null && record.imageDetails() == ImageDetails.NONE && noImages) {
                guesses.count++;
                guesses.example = guesses.example == null ? record.imageUrl() : guesses.example;
            }
            return record;
        }, output);
        if (guesses.count > 0) {
            long guessed = guesses.count;
            log.add(RuleCode.CONVERT_GUESSED, images.toString(), "convert-guessed", "what", "no images folder at " + images
                    + ": the image_url of " + guessed + (guessed == 1 ? " record" : " records") + " (" + guesses.example
                    + ") guessed with the extension .jpg, and no image_details (no width and height, which JSONL to COCO needs)");
        }
        return log.validated(output, written, task);
    }

    private ImageRecord record(Path file, Path images, ConversionLog log, boolean imagesFolder) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
        String imageName = stem + ".jpg";
        ImageDetails details = ImageDetails.NONE;
        boolean found = false;
        for (String ext : EXTENSIONS) {
            Path candidate = images.resolve(stem + "." + ext);
            if (imagesFolder && Files.isRegularFile(candidate)) {
                imageName = candidate.getFileName().toString();
                found = true;
                ImageHeader.Info info = ImageHeader.read(candidate);
                if (info != null && info.width() > 0) {
                    details = new ImageDetails(ext.toLowerCase(Locale.ROOT), info.width(), info.height());
                }
                break;
            }
        }
        List<String> rows;
        try {
            rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            log.add(RuleCode.CONVERT_INPUT, file.getFileName().toString(), "convert-input", "detail",
                    file.getFileName() + " is not UTF-8 text, so not a YOLO label file: left out");
            return null;
        }
        if (imagesFolder && !found) {
            log.add(RuleCode.CONVERT_GUESSED, file.getFileName().toString(), "convert-guessed", "what", "no image "
                    + stem + ".* in " + images + ": image_url guessed as " + baseUrl + imageName + ", without image_details");
        }
        List<BoundingBox> boxes = new ArrayList<>();
        List<InstanceMask> masks = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r).strip();
            if (row.isEmpty()) {
                continue;
            }
            String at = file.getFileName() + ":" + (r + 1);
            String[] f = row.split("\\s+");
            double[] v = new double[f.length];
            try {
                for (int i = 0; i < f.length; i++) {
                    v[i] = Double.parseDouble(f[i]);
                }
            } catch (NumberFormatException e) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                        "reason", "not a row of numbers");
                continue;
            }
            String infinite = firstNotFinite(f, v);
            if (infinite != null) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                        "reason", "\"" + infinite + "\" is not a finite number");
                continue;
            }
            int c = (int) v[0];
            if (c != v[0] || c < 0 || c >= names.size()) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                        "reason", "class " + f[0] + " is not one of the " + names.size() + " names");
                continue;
            }
            String label = names.get(c);
            if (task == Task.IMAGE_OBJECT_DETECTION) {
                if (f.length != 5) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                            "reason", "a detection row is: class cx cy w h");
                    continue;
                }
                double[] e = {v[1] - v[3] / 2, v[2] - v[4] / 2, v[1] + v[3] / 2, v[2] + v[4] / 2};
                if (!(Double.isFinite(e[0]) && Double.isFinite(e[1]) && Double.isFinite(e[2]) && Double.isFinite(e[3]))) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                            "reason", "its box reaches past the largest number");
                    continue;
                }
                boxes.add(new BoundingBox(label, log.clamp(e[0], "left edge", at, "1x1"),
                        log.clamp(e[1], "top edge", at, "1x1"), log.clamp(e[2], "right edge", at, "1x1"),
                        log.clamp(e[3], "bottom edge", at, "1x1"), false));
            } else {
                if (f.length < 7 || f.length % 2 == 0) {
                    log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "row " + (r + 1) + " of " + file.getFileName(),
                            "reason", "a segmentation row is: class x1 y1 x2 y2 x3 y3 ...");
                    continue;
                }
                double[] polygon = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    polygon[i - 1] = log.clamp(v[i], i % 2 == 1 ? "x" : "y", at, "1x1");
                }
                masks.add(new InstanceMask(label, new Polygon(List.of(new Segment(polygon))), false, null));
            }
        }
        String url = baseUrl + imageName;
        return task == Task.IMAGE_OBJECT_DETECTION ? new DetectionRecord(url, details, boxes)
                : new SegmentationRecord(url, details, masks);
    }

    /** The first field that parsed to NaN or an infinity ("NaN", "Infinity", "1e400"), or null. */
    private static String firstNotFinite(String[] fields, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return fields[i].length() > 40 ? fields[i].substring(0, 40) + "..." : fields[i];
            }
        }
        return null;
    }

    /** The records whose image_url was guessed, for want of an images folder: how many, and the first. */
    private static final class Guesses {
        long count;
        String example;
    }
}
