package io.github.visionjsonl.convert;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three tables of a COCO file, read one element at a time and kept in a compact form: a file
 * of 200,000 annotations holds 200,000 small records, not a tree of every key and number. Every
 * element of the wrong shape (a table that is not a list, an id that is not an integer, a box
 * value that is not a finite number, a size that is not a positive whole number) is a finding on
 * its JSON pointer, never a default value.
 */
final class CocoTables {

    /** One image of the {@code images} table that has what a record needs. */
    record Image(int index, long id, String file, int width, int height) {
    }

    /**
     * One annotation: {@code bbox} is null when it is not four finite numbers ({@code bboxProblem}
     * says why); {@code segmentation} is kept only for segmentation.
     */
    record Annotation(int index, String id, long category, boolean crowd, double[] bbox, String bboxProblem,
            JsonNode segmentation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED = 40;

    final List<Image> images = new ArrayList<>();
    final Map<Long, String> categories = new HashMap<>();
    final Map<Long, List<Annotation>> byImage = new LinkedHashMap<>();
    private final Set<Long> imageIds = new HashSet<>();

    private final boolean keepSegmentation;
    private final ConversionLog log;

    private CocoTables(boolean keepSegmentation, ConversionLog log) {
        this.keepSegmentation = keepSegmentation;
        this.log = log;
    }

    /** The tables of a COCO file, or null (with a {@code convert-input} finding) when it has none to convert. */
    static CocoTables read(Path coco, boolean keepSegmentation, ConversionLog log) throws IOException {
        CocoTables tables = new CocoTables(keepSegmentation, log);
        try (JsonParser p = JSON.getFactory().createParser(coco.toFile())) {
            return tables.readRoot(p, coco) ? tables : null;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            log.add(RuleCode.CONVERT_INPUT, coco.toString(), "convert-input", "detail",
                    "not a COCO JSON file" + at + ": " + e.getOriginalMessage());
            return null;
        }
    }

    private boolean readRoot(JsonParser p, Path coco) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return refuse("", "a COCO file is a JSON object with \"images\", \"annotations\" and \"categories\"");
        }
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            boolean table = key.equals("images") || key.equals("annotations") || key.equals("categories");
            if (!table) {
                p.skipChildren();
                continue;
            }
            if (!seen.add(key)) {
                return refuse("/" + key, "\"" + key + "\" appears twice");
            }
            if (value != JsonToken.START_ARRAY) {
                return refuse("/" + key, "\"" + key + "\" must be a list, not " + kind(value));
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode element = p.readValueAsTree();
                String where = "/" + key + "/" + index;
                switch (key) {
                    case "images" -> image(element, index, where);
                    case "categories" -> category(element, where);
                    default -> annotation(element, index, where);
                }
                index++;
            }
        }
        if (!seen.contains("images") || !seen.contains("categories")) {
            return refuse("", "a COCO file needs \"images\" and \"categories\" lists");
        }
        return true;
    }

    private boolean refuse(String where, String detail) {
        log.add(RuleCode.CONVERT_INPUT, where, "convert-input", "detail", detail);
        return false;
    }

    private void image(JsonNode image, int index, String where) {
        String what = "image " + quote(image.path("id"));
        Long id = integer(image.path("id"));
        String problem = !image.isObject() ? "it is " + kind(image) + ", not an object"
                : id == null ? "its id " + quote(image.path("id")) + " is not an integer"
                : !image.path("file_name").isTextual() || image.path("file_name").asText().isEmpty()
                        ? "it needs a file_name" : null;
        int width = problem == null ? size(image.path("width")) : 0;
        int height = problem == null ? size(image.path("height")) : 0;
        if (problem == null && (width <= 0 || height <= 0)) {
            problem = "width and height must be positive whole numbers of pixels, not "
                    + quote(image.path("width")) + " x " + quote(image.path("height"));
        }
        if (problem == null && !imageIds.add(id)) {
            problem = "its id " + id + " is already the id of another image";
        }
        if (problem != null) {
            log.add(RuleCode.CONVERT_SKIPPED, where, "convert-skipped", "what", what, "reason", problem);
            return;
        }
        images.add(new Image(index, id, image.path("file_name").asText(), width, height));
    }

    private void category(JsonNode c, String where) {
        Long id = integer(c.path("id"));
        String problem = !c.isObject() ? "it is " + kind(c) + ", not an object"
                : id == null ? "its id " + quote(c.path("id")) + " is not an integer"
                : !c.path("name").isTextual() ? "its name " + quote(c.path("name")) + " is not a string"
                : categories.containsKey(id) ? "its id " + id + " is already category \"" + categories.get(id) + "\""
                : null;
        if (problem != null) {
            log.add(RuleCode.CONVERT_SKIPPED, where, "convert-skipped", "what", "category " + quote(c.path("name")),
                    "reason", problem);
            return;
        }
        categories.put(id, c.path("name").asText());
    }

    private void annotation(JsonNode a, int index, String where) {
        String what = "annotation " + quote(a.path("id"));
        Long image = integer(a.path("image_id"));
        Long category = integer(a.path("category_id"));
        JsonNode crowd = a.path("iscrowd");
        Long crowdValue = crowd.isMissingNode() ? Long.valueOf(0) : integer(crowd);
        String problem = !a.isObject() ? "it is " + kind(a) + ", not an object"
                : image == null ? "its image_id " + quote(a.path("image_id")) + " is not an integer"
                : category == null ? "its category_id " + quote(a.path("category_id")) + " is not an integer"
                : crowdValue == null || crowdValue < 0 || crowdValue > 1 ? "its iscrowd " + quote(crowd) + " is not 0 or 1"
                : null;
        if (problem != null) {
            log.add(RuleCode.CONVERT_SKIPPED, where, "convert-skipped", "what", what, "reason", problem);
            return;
        }
        JsonNode b = a.path("bbox");
        double[] bbox = null;
        String bboxProblem = null;
        if (!b.isArray() || b.size() != 4) {
            bboxProblem = "no bbox [x, y, width, height]";
        } else {
            bbox = new double[4];
            for (int k = 0; k < 4 && bboxProblem == null; k++) {
                if (!b.get(k).isNumber() || !Double.isFinite(b.get(k).asDouble())) {
                    bboxProblem = "bbox value " + k + " is " + quote(b.get(k)) + ", not a finite number";
                }
                bbox[k] = b.get(k).asDouble();
            }
            if (bboxProblem == null && !(Double.isFinite(bbox[0] + bbox[2]) && Double.isFinite(bbox[1] + bbox[3]))) {
                bboxProblem = "bbox " + quote(b) + " reaches past the largest number";
            }
            if (bboxProblem != null) {
                bbox = null;
            }
        }
        byImage.computeIfAbsent(image, k -> new ArrayList<>()).add(new Annotation(index, quote(a.path("id")), category,
                crowdValue == 1, bbox, bboxProblem, keepSegmentation ? a.path("segmentation") : null));
    }

    /** An id: an integral JSON number; null for anything else (a string, a fraction, a missing key). */
    static Long integer(JsonNode n) {
        return n.isNumber() && n.canConvertToExactIntegral() && n.canConvertToLong() ? n.asLong() : null;
    }

    /** A width or height: a whole positive number of pixels that fits an int; 0 for anything else. */
    private static int size(JsonNode n) {
        Long v = integer(n);
        return v == null || v <= 0 || v > Integer.MAX_VALUE ? 0 : v.intValue();
    }

    /** A value as it stands in the input, cut short for messages. */
    static String quote(JsonNode n) {
        String s = n.isMissingNode() ? "(missing)" : n.toString();
        return s.length() > QUOTED ? s.substring(0, QUOTED) + "... (" + s.length() + " characters)" : s;
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "a list" : n.isTextual() ? "a string" : n.isNumber() ? "a number"
                : n.isMissingNode() ? "missing" : n.isNull() ? "null" : "a boolean";
    }

    private static String kind(JsonToken t) {
        return t == JsonToken.START_OBJECT ? "an object" : t == JsonToken.VALUE_STRING ? "a string"
                : t == JsonToken.VALUE_NULL ? "null" : t.isNumeric() ? "a number" : t.isBoolean() ? "a boolean" : String.valueOf(t);
    }
}
