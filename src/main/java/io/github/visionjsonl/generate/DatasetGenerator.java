package io.github.visionjsonl.generate;

import io.github.visionjsonl.Task;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes realistic AutoML-for-Images JSONL datasets of any size, with a controlled share of
 * broken lines: for benchmarks, scale tests, and users' own tests. The same settings and seed
 * give the same bytes.
 *
 * <p>Lines look like real exports: the three datastore URL forms, {@code image_details} with
 * sizes as integers and as {@code "640px"}, 1 to 8 boxes or polygons per image (polygons of 6
 * to 200 points), and the configured count of classes. A broken line has exactly one of the
 * faults {@link #faults(Task)} lists, chosen evenly.
 *
 * <pre>{@code
 * DatasetGenerator.builder().task(Task.IMAGE_OBJECT_DETECTION).records(1_000_000)
 *         .invalidRate(0.05).seed(7).build().write(Path.of("big.jsonl"));
 * }</pre>
 */
public final class DatasetGenerator {

    private static final String[] NAMES = {
        "can", "carton", "milk_bottle", "water_bottle", "apple", "banana", "orange", "cup", "bowl", "plate",
        "fork", "knife", "spoon", "bottle", "jar", "egg_box", "yogurt", "cheese", "butter", "juice"};
    private static final int[][] SIZES = {{640, 480}, {480, 640}, {499, 666}, {1024, 768}, {1920, 1080}, {800, 600}};

    private final Task task;
    private final long records;
    private final double invalidRate;
    private final long seed;
    private final String[] classes;

    private DatasetGenerator(Builder b) {
        this.task = b.task;
        this.records = b.records;
        this.invalidRate = b.invalidRate;
        this.seed = b.seed;
        this.classes = new String[b.classes];
        for (int i = 0; i < b.classes; i++) {
            classes[i] = i < NAMES.length ? NAMES[i] : "class_" + String.format(Locale.ROOT, "%03d", i);
        }
    }

    /** A builder; the defaults are 1000 valid detection records of 20 classes, seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The faults a broken line of the task may have, by the rule code each makes fire. */
    public static List<String> faults(Task task) {
        List<String> f = new ArrayList<>(List.of("json-syntax", "missing-field", "image-url-empty",
                "image-url-not-datastore", "image-format", "image-size", "unknown-field", "duplicate-key",
                "label-empty", "label-reserved"));
        switch (task) {
            case IMAGE_CLASSIFICATION -> f.add("label-type");
            case IMAGE_CLASSIFICATION_MULTILABEL -> f.addAll(List.of("label-duplicate", "label-list-empty"));
            case IMAGE_OBJECT_DETECTION -> f.addAll(List.of("coordinate-range", "box-inverted", "box-empty",
                    "wrong-type", "numeric-string", "non-finite-number", "is-crowd-value"));
            case IMAGE_INSTANCE_SEGMENTATION -> f.addAll(List.of("polygon-odd", "polygon-too-few-points",
                    "polygon-range", "polygon-shape", "non-finite-number"));
        }
        return List.copyOf(f);
    }

    /**
     * Writes the dataset to a new file, atomically: to a temporary file beside it, then moved
     * into place. An existing file is never overwritten.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    public void write(Path file) throws IOException {
        io.github.visionjsonl.internal.files.AtomicOutput.write(file, this::write);
    }

    /** Writes the dataset to a stream (not closed). */
    public void write(OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> faults = faults(task);
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        StringBuilder line = new StringBuilder(4096);
        for (long i = 1; i <= records; i++) {
            line.setLength(0);
            String fault = random.nextDouble() < invalidRate ? faults.get(random.nextInt(faults.size())) : null;
            line(line, i, random, fault);
            line.append('\n');
            buffered.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        buffered.flush();
    }

    /** The whole dataset in memory, for benchmarks and tests of modest size. */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void line(StringBuilder b, long n, SplittableRandom r, String fault) {
        int[] size = SIZES[r.nextInt(SIZES.length)];
        String url = url(n, r);
        if ("image-url-empty".equals(fault)) {
            url = "";
        } else if ("image-url-not-datastore".equals(fault)) {
            url = "https://example.com/images/" + n + ".jpg";
        }
        b.append('{');
        if (!"missing-field".equals(fault)) {
            b.append("\"image_url\": \"").append(url).append("\", ");
        }
        if ("duplicate-key".equals(fault)) {
            b.append("\"image_url\": \"").append(url).append("\", ");
        }
        b.append("\"image_details\": {\"format\": \"").append("image-format".equals(fault) ? "webp" : "jpg")
                .append("\", \"width\": ");
        if ("image-size".equals(fault)) {
            b.append("\"wide\"");
        } else if (r.nextBoolean()) {
            b.append(size[0]);
        } else {
            b.append('"').append(size[0]).append("px\"");
        }
        b.append(", \"height\": ").append(size[1]).append("}, \"label\": ");
        String badName = "label-empty".equals(fault) ? "" : "label-reserved".equals(fault) ? "--bg--" : null;
        switch (task) {
            case IMAGE_CLASSIFICATION -> {
                if ("label-type".equals(fault)) {
                    b.append("1.5");
                } else {
                    b.append('"').append(badName != null ? badName : classes[r.nextInt(classes.length)]).append('"');
                }
            }
            case IMAGE_CLASSIFICATION_MULTILABEL -> {
                b.append('[');
                if (!"label-list-empty".equals(fault)) {
                    int k = 1 + r.nextInt(Math.min(4, classes.length));
                    int first = r.nextInt(classes.length);
                    for (int i = 0; i < k; i++) {
                        if (i > 0) {
                            b.append(", ");
                        }
                        String name = classes[(first + i) % classes.length];
                        if (i == 0 && badName != null) {
                            name = badName;
                        }
                        b.append('"').append(name).append('"');
                    }
                    if ("label-duplicate".equals(fault)) {
                        b.append(", \"").append(classes[first]).append('"');
                    }
                }
                b.append(']');
            }
            case IMAGE_OBJECT_DETECTION -> boxes(b, r, fault, badName);
            case IMAGE_INSTANCE_SEGMENTATION -> polygons(b, r, fault, badName);
        }
        if ("unknown-field".equals(fault)) {
            b.append(", \"label_confidence\": [1.0]");
        }
        b.append('}');
        if ("json-syntax".equals(fault)) {
            b.setLength(b.length() - 1 - r.nextInt(Math.min(20, b.length() - 2)));
        }
    }

    private static String url(long n, SplittableRandom r) {
        String path = "fridgeObjects/images/" + n + ".jpg";
        return switch (r.nextInt(3)) {
            case 0 -> "AmlDatastore://workspaceblobstore/" + path;
            case 1 -> "azureml://datastores/workspaceblobstore/paths/" + path;
            default -> "azureml://subscriptions/0f3e2b1c-9d7a-4c11-8f4e-2a7b6c5d4e3f/resourcegroups/vision-rg/workspaces/"
                    + "vision-ws/datastores/workspaceblobstore/paths/" + path;
        };
    }

    private void boxes(StringBuilder b, SplittableRandom r, String fault, String badName) {
        int k = 1 + r.nextInt(8);
        int bad = r.nextInt(k);
        b.append('[');
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                b.append(", ");
            }
            double w = 0.02 + r.nextDouble() * 0.5;
            double h = 0.02 + r.nextDouble() * 0.5;
            double x = r.nextDouble() * (1 - w);
            double y = r.nextDouble() * (1 - h);
            String name = i == bad && badName != null ? badName : classes[r.nextInt(classes.length)];
            String[] c = {coordinate(x), coordinate(y), coordinate(x + w), coordinate(y + h)};
            String crowd = "0";
            if (i == bad && fault != null) {
                switch (fault) {
                    case "coordinate-range" -> {
                        c[0] = String.valueOf((int) (x * 640));
                        c[2] = String.valueOf((int) ((x + w) * 640));
                    }
                    case "box-inverted" -> {
                        String t = c[0];
                        c[0] = c[2];
                        c[2] = t;
                    }
                    case "box-empty" -> c[3] = c[1];
                    case "wrong-type" -> c[1] = "true";
                    case "numeric-string" -> c[1] = '"' + c[1] + '"';
                    case "non-finite-number" -> c[2] = "NaN";
                    case "is-crowd-value" -> crowd = "\"yes\"";
                    default -> {
                    }
                }
            }
            b.append("{\"label\": \"").append(name).append("\", \"topX\": ").append(c[0]).append(", \"topY\": ")
                    .append(c[1]).append(", \"bottomX\": ").append(c[2]).append(", \"bottomY\": ").append(c[3])
                    .append(", \"isCrowd\": ").append(crowd).append('}');
        }
        b.append(']');
    }

    private void polygons(StringBuilder b, SplittableRandom r, String fault, String badName) {
        int k = 1 + r.nextInt(8);
        int bad = r.nextInt(k);
        b.append('[');
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                b.append(", ");
            }
            String name = i == bad && badName != null ? badName : classes[r.nextInt(classes.length)];
            b.append("{\"label\": \"").append(name).append("\", \"isCrowd\": 0, \"polygon\": ");
            int points = 6 + r.nextInt(195);
            double cx = 0.2 + r.nextDouble() * 0.6;
            double cy = 0.2 + r.nextDouble() * 0.6;
            double rx = 0.05 + r.nextDouble() * 0.15;
            double ry = 0.05 + r.nextDouble() * 0.15;
            boolean flat = i == bad && "polygon-shape".equals(fault);
            b.append(flat ? "[" : "[[");
            int count = i == bad && "polygon-too-few-points".equals(fault) ? 2 : points;
            for (int p = 0; p < count; p++) {
                double a = 2 * Math.PI * p / count;
                double f = 0.8 + 0.2 * r.nextDouble();
                double x = cx + rx * f * Math.cos(a);
                double y = cy + ry * f * Math.sin(a);
                if (p > 0) {
                    b.append(", ");
                }
                if (i == bad && p == 0 && "polygon-range".equals(fault)) {
                    b.append((int) (x * 640)).append(", ").append(coordinate(y));
                } else if (i == bad && p == 0 && "non-finite-number".equals(fault)) {
                    b.append("NaN, ").append(coordinate(y));
                } else {
                    b.append(coordinate(x)).append(", ").append(coordinate(y));
                }
            }
            if (i == bad && "polygon-odd".equals(fault)) {
                b.append(", 0.5");
            }
            b.append(flat ? "]" : "]]").append('}');
        }
        b.append(']');
    }

    /** Four decimals, as exports write them. */
    private static String coordinate(double v) {
        long q = Math.round(v * 10_000);
        return q == 10_000 ? "1.0" : q <= 0 ? "0.0" : q >= 1000 ? "0." + q : "0." + String.format(Locale.ROOT, "%04d", q);
    }

    /** Configures a {@link DatasetGenerator}. */
    public static final class Builder {
        private Task task = Task.IMAGE_OBJECT_DETECTION;
        private long records = 1000;
        private double invalidRate;
        private long seed = 1;
        private int classes = 20;

        private Builder() {
        }

        /** The task of the records (default detection). */
        public Builder task(Task value) {
            this.task = Objects.requireNonNull(value, "task");
            return this;
        }

        /**
         * How many lines to write (default 1000).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder records(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("records must be >= 0, was " + count);
            }
            this.records = count;
            return this;
        }

        /**
         * The share of broken lines, from 0 (default) to 1.
         *
         * @throws IllegalArgumentException when outside [0, 1]
         */
        public Builder invalidRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("invalidRate must be in [0, 1], was " + rate);
            }
            this.invalidRate = rate;
            return this;
        }

        /** The seed: the same seed, the same bytes (default 1). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * How many classes the labels come from (default 20).
         *
         * @throws IllegalArgumentException when not in [1, 1000]
         */
        public Builder classes(int count) {
            if (count < 1 || count > 1000) {
                throw new IllegalArgumentException("classes must be in [1, 1000], was " + count);
            }
            this.classes = count;
            return this;
        }

        /** Builds the generator. */
        public DatasetGenerator build() {
            return new DatasetGenerator(this);
        }
    }
}
