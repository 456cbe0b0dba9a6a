package io.github.visionjsonl.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The stable codes of every finding vision-jsonl reports, with their default severities.
 *
 * <p>The kebab-case {@link #code()} is a public contract: users filter on it, CI pipelines grep it
 * and configuration names it. docs/rules.md explains each rule, what the training runtime does
 * with such a record, and gives a line that fires it.
 */
public enum RuleCode {
    // Line level
    /** The line is not valid JSON. */
    JSON_SYNTAX("json-syntax", Severity.ERROR),
    /** The line's top-level value is not a JSON object. */
    NOT_AN_OBJECT("not-an-object", Severity.ERROR),
    /** An empty or whitespace-only line. */
    BLANK_LINE("blank-line", Severity.WARNING),
    /** A line longer than the configured limit; skipped without being buffered whole. */
    LINE_TOO_LONG("line-too-long", Severity.ERROR),
    /** Bytes that are not UTF-8. */
    INVALID_ENCODING("invalid-encoding", Severity.ERROR),
    /** A UTF-8 byte order mark at the start of the file. */
    BYTE_ORDER_MARK("byte-order-mark", Severity.WARNING),
    /** The same key twice in one JSON object. */
    DUPLICATE_KEY("duplicate-key", Severity.ERROR),
    /** NaN or Infinity (Jackson's non-numeric numbers), anywhere in a line. */
    NON_FINITE_NUMBER("non-finite-number", Severity.ERROR),
    /** A key the schema does not define. */
    UNKNOWN_FIELD("unknown-field", Severity.WARNING),
    /** The label shape belongs to another task than the file's task. */
    TASK_MISMATCH("task-mismatch", Severity.ERROR),

    // Record level
    /** A required key is absent. */
    MISSING_FIELD("missing-field", Severity.ERROR),
    /** A value has the wrong JSON type. */
    WRONG_TYPE("wrong-type", Severity.ERROR),
    /** A number written as a string. */
    NUMERIC_STRING("numeric-string", Severity.WARNING),
    /** {@code image_url} is empty or blank. */
    IMAGE_URL_EMPTY("image-url-empty", Severity.ERROR),
    /** A datastore URL without its datastore or path. */
    IMAGE_URL_MALFORMED("image-url-malformed", Severity.ERROR),
    /** An http(s) URL or a bare path instead of a datastore URL. */
    IMAGE_URL_NOT_DATASTORE("image-url-not-datastore", Severity.WARNING),
    /** {@code image_details.format} is not an allowed image format. */
    IMAGE_FORMAT("image-format", Severity.ERROR),
    /** The URL's file extension is not an allowed image format. */
    IMAGE_EXTENSION("image-extension", Severity.WARNING),
    /** {@code image_details.format} and the URL's extension disagree. */
    FORMAT_MISMATCH("format-mismatch", Severity.WARNING),
    /** {@code width}/{@code height} is not a positive integer or {@code "<n>px"}. */
    IMAGE_SIZE("image-size", Severity.ERROR),
    /** A class name is empty or blank. */
    LABEL_EMPTY("label-empty", Severity.ERROR),
    /** A class name has leading or trailing white space. */
    LABEL_WHITESPACE("label-whitespace", Severity.WARNING),
    /** A class name is the runtime's background class {@code --bg--}. */
    LABEL_RESERVED("label-reserved", Severity.ERROR),
    /** A class name is not a string (an integer class name is reported as a warning). */
    LABEL_TYPE("label-type", Severity.ERROR),

    // Multi-label
    /** A multi-label record with {@code label: []}. */
    LABEL_LIST_EMPTY("label-list-empty", Severity.WARNING),
    /** The same class twice in one multi-label record. */
    LABEL_DUPLICATE("label-duplicate", Severity.WARNING),

    // Object detection and instance segmentation
    /** A box coordinate outside [0, 1]. */
    COORDINATE_RANGE("coordinate-range", Severity.ERROR),
    /** {@code topX > bottomX} or {@code topY > bottomY}. */
    BOX_INVERTED("box-inverted", Severity.ERROR),
    /** A box of zero width or height. */
    BOX_EMPTY("box-empty", Severity.ERROR),
    /** {@code isCrowd} is not one of 0, 1, true, false. */
    IS_CROWD_VALUE("is-crowd-value", Severity.WARNING),
    /** {@code polygon} is not a list of lists of numbers. */
    POLYGON_SHAPE("polygon-shape", Severity.ERROR),
    /** A polygon segment with an odd count of numbers. */
    POLYGON_ODD("polygon-odd", Severity.ERROR),
    /** A polygon segment with fewer than 3 points. */
    POLYGON_TOO_FEW_POINTS("polygon-too-few-points", Severity.ERROR),
    /** A polygon value outside [0, 1]. */
    POLYGON_RANGE("polygon-range", Severity.ERROR),
    /** A segment with fewer than 3 distinct points, or zero area. */
    POLYGON_DEGENERATE("polygon-degenerate", Severity.WARNING),
    /** Box keys beside a polygon disagree with the polygon's extent. */
    POLYGON_BOX_MISMATCH("polygon-box-mismatch", Severity.WARNING),

    // Dataset level
    /** No valid record at all. */
    EMPTY_DATASET("empty-dataset", Severity.ERROR),
    /** The same image on two lines. */
    DUPLICATE_IMAGE_URL("duplicate-image-url", Severity.WARNING),
    /** Classification: the same image with different labels. */
    CONFLICTING_LABELS("conflicting-labels", Severity.ERROR),
    /** Detection or segmentation: no image has any object. */
    NO_OBJECTS("no-objects", Severity.ERROR),
    /** Classification with fewer than 2 classes. */
    SINGLE_CLASS("single-class", Severity.WARNING),
    /** A class with fewer samples than the threshold. */
    FEW_SAMPLES("few-samples", Severity.WARNING),
    /** The largest class outnumbers the smallest by more than the ratio. */
    CLASS_IMBALANCE("class-imbalance", Severity.INFO),
    /** String and integer class names in one dataset. */
    MIXED_LABEL_TYPES("mixed-label-types", Severity.ERROR),
    /** Classes that differ only by case or surrounding white space. */
    CASE_VARIANT_LABELS("case-variant-labels", Severity.WARNING),
    /** Two boxes of the same class in one image that nearly coincide. */
    DUPLICATE_BOX("duplicate-box", Severity.WARNING),
    /** A box under 1 pixel wide or high. */
    TINY_BOX("tiny-box", Severity.WARNING),
    /** The same image in the training and the validation file. */
    TRAIN_VALIDATION_LEAK("train-validation-leak", Severity.WARNING),
    /** A validation class the training file lacks. */
    UNSEEN_VALIDATION_LABEL("unseen-validation-label", Severity.ERROR),
    /** A training class absent from the validation file. */
    MISSING_VALIDATION_CLASS("missing-validation-class", Severity.INFO),
    /** More than half of the validation images are also in the training file. */
    VALIDATION_LEAKED("validation-leaked", Severity.ERROR),

    // Image files
    /** No file at the resolved path. */
    IMAGE_MISSING("image-missing", Severity.ERROR),
    /** The URL resolves outside the images root. */
    IMAGE_PATH_ESCAPE("image-path-escape", Severity.ERROR),
    /** Not a decodable image. */
    IMAGE_UNREADABLE("image-unreadable", Severity.ERROR),
    /** The image file ends early. */
    IMAGE_TRUNCATED("image-truncated", Severity.ERROR),
    /** The real format differs from the extension or the declared format. */
    IMAGE_FORMAT_MISMATCH("image-format-mismatch", Severity.WARNING),
    /** The real size differs from image_details. */
    IMAGE_SIZE_MISMATCH("image-size-mismatch", Severity.WARNING),
    /** EXIF orientation 5 to 8: the stored pixels are shown rotated. */
    IMAGE_EXIF_ROTATED("image-exif-rotated", Severity.WARNING),
    /** An image side under 10 pixels. */
    IMAGE_TOO_SMALL("image-too-small", Severity.WARNING),
    /** Two lines name different URLs whose files hold the same bytes. */
    DUPLICATE_IMAGE_CONTENT("duplicate-image-content", Severity.WARNING),
    /** Two images whose perceptual hashes lie within the near-duplicate distance. */
    NEAR_DUPLICATE_IMAGE("near-duplicate-image", Severity.INFO),
    /** A validation image near a training image (a resized or re-encoded copy). */
    TRAIN_VALIDATION_NEAR_LEAK("train-validation-near-leak", Severity.WARNING),
    /** An image of one colour: a black or white frame. */
    IMAGE_BLANK("image-blank", Severity.WARNING),
    /** A mean luminance below the dark threshold. */
    IMAGE_DARK("image-dark", Severity.INFO),
    /** A mean luminance above the bright threshold. */
    IMAGE_BRIGHT("image-bright", Severity.INFO),
    /** A luminance contrast below the threshold. */
    IMAGE_LOW_CONTRAST("image-low-contrast", Severity.INFO),
    /** A variance of the Laplacian below the threshold: out of focus or motion-blurred. */
    IMAGE_BLURRY("image-blurry", Severity.INFO),
    /** A grey image in a dataset of colour images. */
    IMAGE_GRAYSCALE("image-grayscale", Severity.INFO),
    /** An aspect ratio beyond the threshold. */
    IMAGE_ODD_ASPECT("image-odd-aspect", Severity.INFO),

    // MLTable (the data asset around a JSONL file)
    /** The MLTable is not readable YAML. */
    MLTABLE_SYNTAX("mltable-syntax", Severity.ERROR),
    /** The MLTable has no {@code paths} entry. */
    MLTABLE_NO_PATHS("mltable-no-paths", Severity.ERROR),
    /** A {@code file}, {@code folder} or {@code pattern} entry that matches no file. */
    MLTABLE_PATH_MISSING("mltable-path-missing", Severity.ERROR),
    /** No {@code read_json_lines} transformation. */
    MLTABLE_NO_JSON_LINES("mltable-no-json-lines", Severity.ERROR),
    /** {@code image_url} is not converted to {@code stream_info}. */
    MLTABLE_IMAGE_URL_NOT_STREAM("mltable-image-url-not-stream", Severity.ERROR),
    /** A key or transformation the loader does not know. */
    MLTABLE_UNKNOWN_KEY("mltable-unknown-key", Severity.WARNING),

    // Across lines (datastore URIs)
    /** One file points into more than one datastore or workspace. */
    MIXED_DATASTORES("mixed-datastores", Severity.WARNING),

    // Predictions (scoring responses)
    /** A prediction is not shaped as the task's scoring response. */
    PREDICTION_SHAPE("prediction-shape", Severity.ERROR),
    /** {@code probs} and {@code labels} of different lengths. */
    PREDICTION_LENGTH("prediction-length", Severity.ERROR),
    /** A probability outside [0, 1]. */
    PROBABILITY_RANGE("probability-range", Severity.ERROR),
    /** Multi-class probabilities that do not sum to 1. */
    PROBABILITY_SUM("probability-sum", Severity.WARNING),
    /** The same label twice in one prediction's {@code labels}. */
    PREDICTION_DUPLICATE_LABEL("prediction-duplicate-label", Severity.ERROR),
    /** A box score outside [0, 1]. */
    SCORE_RANGE("score-range", Severity.ERROR),
    /** A prediction whose image is not in the ground truth. */
    PREDICTION_UNMATCHED("prediction-unmatched", Severity.WARNING),

    // Conversion
    /** A converted value fell outside the image and was clamped to its edge. */
    CONVERT_CLAMPED("convert-clamped", Severity.WARNING),
    /** An annotation or image of the input could not be converted and was left out. */
    CONVERT_SKIPPED("convert-skipped", Severity.WARNING),
    /** The input of a converter is not what its format says (not parsable, a DTD, a missing table). */
    CONVERT_INPUT("convert-input", Severity.ERROR),
    /** A converter had to guess what its input does not say (a YOLO image's extension) and says what it guessed. */
    CONVERT_GUESSED("convert-guessed", Severity.WARNING);

    private final String code;
    private final Severity defaultSeverity;

    RuleCode(String code, Severity defaultSeverity) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
    }

    /** The stable kebab-case code, e.g. {@code coordinate-range}. */
    public String code() {
        return code;
    }

    /** The severity used unless the user configures another one. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Whether the rule concerns a training file together with its validation file. */
    public boolean isPairRule() {
        return this == TRAIN_VALIDATION_LEAK || this == UNSEEN_VALIDATION_LABEL || this == MISSING_VALIDATION_CLASS
                || this == VALIDATION_LEAKED || this == TRAIN_VALIDATION_NEAR_LEAK;
    }

    /** Whether the rule needs the image files ({@code --images-root}). */
    public boolean isImageRule() {
        return ordinal() >= IMAGE_MISSING.ordinal() && ordinal() <= IMAGE_ODD_ASPECT.ordinal();
    }

    /** Whether the rule is about an MLTable file, not about a JSONL file. */
    public boolean isMLTableRule() {
        return ordinal() >= MLTABLE_SYNTAX.ordinal() && ordinal() <= MLTABLE_UNKNOWN_KEY.ordinal();
    }

    /** Whether the rule needs the images' pixels ({@code --image-content}). */
    public boolean isImageContentRule() {
        return ordinal() >= DUPLICATE_IMAGE_CONTENT.ordinal() && ordinal() <= IMAGE_ODD_ASPECT.ordinal();
    }

    /** Whether the rule is about scoring responses (predictions), not about a training file. */
    public boolean isPredictionRule() {
        return ordinal() >= PREDICTION_SHAPE.ordinal() && ordinal() <= PREDICTION_UNMATCHED.ordinal();
    }

    /** Whether the rule is about converting another format, not about a JSONL file. */
    public boolean isConversionRule() {
        return ordinal() >= CONVERT_CLAMPED.ordinal();
    }

    /** Finds a rule by its kebab-case code, ignoring case. */
    public static Optional<RuleCode> fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (RuleCode r : values()) {
            if (r.code.equals(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
