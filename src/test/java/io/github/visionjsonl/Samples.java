package io.github.visionjsonl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's samples are, and lines to build test files from. */
final class Samples {

    private Samples() {
    }

    static final Path ROOT = Path.of("samples");

    static Path invalid(String code) {
        return ROOT.resolve("invalid").resolve(code + ".jsonl");
    }

    static final String URL = "AmlDatastore://workspaceblobstore/fridge/images/001.jpg";

    /** A valid detection line with one box. */
    static final String DETECTION = """
            {"image_url": "AmlDatastore://workspaceblobstore/fridge/images/001.jpg", "image_details": {"format": "jpg", "width": 499, "height": 666}, "label": [{"label": "can", "topX": 0.26, "topY": 0.406, "bottomX": 0.735, "bottomY": 0.701, "isCrowd": 0}]}""";

    /** A valid segmentation line with one polygon. */
    static final String SEGMENTATION = """
            {"image_url": "AmlDatastore://workspaceblobstore/fridge/images/001.jpg", "label": [{"label": "can", "isCrowd": 0, "polygon": [[0.2, 0.2, 0.6, 0.2, 0.6, 0.7, 0.2, 0.7]]}]}""";

    /** A valid classification line. */
    static final String CLASSIFICATION = """
            {"image_url": "AmlDatastore://workspaceblobstore/fridge/images/001.jpg", "label": "can"}""";

    /** A valid multi-label line. */
    static final String MULTILABEL = """
            {"image_url": "AmlDatastore://workspaceblobstore/fridge/images/001.jpg", "label": ["can", "carton"]}""";

    /** A detection line whose single box has the given JSON members (label, corners, isCrowd). */
    static String detection(String boxMembers) {
        return "{\"image_url\": \"" + URL + "\", \"label\": [{" + boxMembers + "}]}";
    }

    /** A detection line with a box of the given corners. */
    static String box(String topX, String topY, String bottomX, String bottomY) {
        return detection("\"label\": \"can\", \"topX\": " + topX + ", \"topY\": " + topY + ", \"bottomX\": " + bottomX
                + ", \"bottomY\": " + bottomY);
    }

    /** A segmentation line with the given polygon JSON. */
    static String polygon(String polygonJson) {
        return "{\"image_url\": \"" + URL + "\", \"label\": [{\"label\": \"can\", \"polygon\": " + polygonJson + "}]}";
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
