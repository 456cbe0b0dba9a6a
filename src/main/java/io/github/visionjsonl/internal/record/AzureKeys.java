package io.github.visionjsonl.internal.record;

/**
 * Keys the schema does not define that Azure's own tools write and the training runtime ignores:
 * {@code label_confidence} beside the labels of a Data Labeling export, {@code bbox} beside a
 * polygon in the files of Azure's COCO-to-JSONL converter (often {@code "bbox": "null"}).
 */
public final class AzureKeys {

    private AzureKeys() {
    }

    /** What writes the key at this pointer of a line, or null when it is no key Azure's tools write. */
    public static String writerOf(String pointer) {
        if (pointer.equals("/label_confidence")) {
            return "Data Labeling exports";
        }
        if (pointer.startsWith("/label/") && pointer.endsWith("/bbox") && digits(pointer, 7, pointer.length() - 5)) {
            return "COCO-to-JSONL converter";
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
