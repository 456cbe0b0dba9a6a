package io.github.visionjsonl.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a configuration file token by token, so that each fault names its key and line. Bounded:
 * the file's size, its nesting, its strings and YAML aliases are limited, and nothing it says is
 * followed elsewhere (no includes, no tags).
 */
final class ConfigReader {

    /** The largest configuration file read. */
    static final long MAX_BYTES = 1 << 20;

    private static final String TOP_KEYS = "task, rules, thresholds, max-findings, fail-on, images, threads";

    final Path file;
    private final Path folder;
    private final String name;
    private JsonParser p;
    /** Where the last key read is: a fault about a key or its value points there. */
    private JsonLocation keyLocation;

    Task task;
    final Map<RuleCode, Severity> severities = new EnumMap<>(RuleCode.class);
    final Set<RuleCode> disabled = EnumSet.noneOf(RuleCode.class);
    Integer fewSamples;
    Double imbalanceRatio;
    Double duplicateBoxIou;
    Integer maxFindings;
    Severity failOn;
    Path imagesRoot;
    final Map<String, Path> datastoreRoots = new LinkedHashMap<>();
    boolean decode;
    Integer threads;

    private ConfigReader(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of("") : parent;
        this.name = file.toString();
    }

    static ConfigFile read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory, not a configuration file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ConfigException(file + ": too large for a configuration file (" + size + " bytes; at most "
                    + MAX_BYTES + ")");
        }
        ConfigReader r = new ConfigReader(file);
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory(file).createParser(in)) {
            r.p = parser;
            r.document();
        } catch (ConfigException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ConfigException(r.at(e.getLocation()) + "not valid " + (isJson(file) ? "JSON" : "YAML") + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // The YAML scanner reports some faults (bad characters, alias limits) as its own exceptions.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new ConfigException(file + ": not valid YAML: " + firstLine(cause.getMessage()));
        }
        return new ConfigFile(r);
    }

    private static boolean isJson(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static JsonFactory factory(Path file) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 << 10)
                .maxNumberLength(100).build();
        if (isJson(file)) {
            return JsonFactory.builder().streamReadConstraints(limits).build();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(16);
        options.setNestingDepthLimit(16);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowDuplicateKeys(true);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits).build();
    }

    private void document() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw fault("", "the configuration must be a mapping of keys (" + TOP_KEYS + ")");
        }
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = key(seen, "");
            p.nextToken();
            switch (key) {
                case "task" -> {
                    String value = string(key);
                    task = Task.fromName(value).orElseThrow(() -> fault(key, "unknown task \"" + value
                            + "\"; expected image-classification, image-classification-multilabel, "
                            + "image-object-detection or image-instance-segmentation"));
                }
                case "rules" -> rules();
                case "thresholds" -> thresholds();
                case "max-findings" -> maxFindings = integer(key, 0, Integer.MAX_VALUE);
                case "fail-on" -> failOn = severity(key, string(key));
                case "images" -> images();
                case "threads" -> threads = integer(key, 1, 64);
                default -> throw fault(key, "unknown key; expected one of " + TOP_KEYS);
            }
        }
        if (p.nextToken() != null) {
            throw fault("", "one document only");
        }
    }

    private void rules() throws IOException {
        startObject("rules");
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String code = key(seen, "rules.");
            String key = "rules." + code;
            p.nextToken();
            RuleCode rule = RuleCode.fromCode(code).orElseThrow(() -> fault(key,
                    "unknown rule \"" + code + "\"; docs/rules.md lists the codes"));
            // YAML 1.1 readers take a bare off for false: both mean the rule is off.
            if (p.currentToken() == JsonToken.VALUE_FALSE || p.currentToken() == JsonToken.VALUE_STRING
                    && text().trim().equalsIgnoreCase("off")) {
                disabled.add(rule);
                severities.remove(rule);
            } else {
                severities.put(rule, severity(key, string(key)));
                disabled.remove(rule);
            }
        }
    }

    private void thresholds() throws IOException {
        startObject("thresholds");
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = "thresholds." + key(seen, "thresholds.");
            p.nextToken();
            // One case per threshold a rule reads; a new rule's threshold is one more case here.
            switch (key) {
                case "thresholds.few-samples" -> fewSamples = integer(key, 0, Integer.MAX_VALUE);
                case "thresholds.imbalance-ratio" -> imbalanceRatio = number(key, 1, Double.MAX_VALUE, true);
                case "thresholds.duplicate-box-iou" -> duplicateBoxIou = number(key, 0, 1, false);
                default -> throw fault(key, "unknown threshold; expected few-samples, imbalance-ratio or duplicate-box-iou");
            }
        }
    }

    private void images() throws IOException {
        startObject("images");
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = "images." + key(seen, "images.");
            p.nextToken();
            switch (key) {
                case "images.root" -> imagesRoot = folder.resolve(string(key)).normalize();
                case "images.decode" -> decode = bool(key);
                case "images.datastore-roots" -> {
                    startObject(key);
                    Set<String> names = new HashSet<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String datastore = key(names, key + ".");
                        p.nextToken();
                        datastoreRoots.put(datastore, folder.resolve(string(key + "." + datastore)).normalize());
                    }
                }
                default -> throw fault(key, "unknown key; expected root, datastore-roots or decode");
            }
        }
        if (imagesRoot == null && (decode || !datastoreRoots.isEmpty())) {
            throw fault("images", "datastore-roots and decode need images.root");
        }
    }

    private String key(Set<String> seen, String prefix) throws IOException {
        String key = p.currentName();
        keyLocation = p.currentTokenLocation();
        if (!seen.add(key)) {
            throw fault(prefix + key, "given twice");
        }
        return key;
    }

    private void startObject(String key) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fault(key, "must be a mapping of keys, was " + describe());
        }
    }

    private String string(String key) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw fault(key, "must be a string, was " + describe());
        }
        return text();
    }

    private int integer(String key, int min, int max) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || !p.getNumberType().equals(JsonParser.NumberType.INT)
                && !p.getNumberType().equals(JsonParser.NumberType.LONG)) {
            throw fault(key, "must be an integer, was " + describe());
        }
        long v = p.getLongValue();
        if (v < min || v > max) {
            throw fault(key, "must be in [" + min + ", " + max + "], was " + v);
        }
        return (int) v;
    }

    private double number(String key, double min, double max, boolean minIncluded) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw fault(key, "must be a number, was " + describe());
        }
        double v = p.getDoubleValue();
        if (!(minIncluded ? v >= min : v > min) || !(v <= max)) {
            throw fault(key, "must be in " + (minIncluded ? "[" : "(") + (min == (long) min ? String.valueOf((long) min) : min)
                    + ", " + (max == Double.MAX_VALUE ? "..." : max == (long) max ? String.valueOf((long) max) : max)
                    + "], was " + v);
        }
        return v;
    }

    private boolean bool(String key) throws IOException {
        if (!p.currentToken().isBoolean()) {
            throw fault(key, "must be true or false, was " + describe());
        }
        return p.currentToken() == JsonToken.VALUE_TRUE;
    }

    private Severity severity(String key, String value) throws ConfigException {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw fault(key, key.startsWith("rules.")
                    ? "unknown severity '" + value + "': expected error, warning, info or off" : e.getMessage());
        }
    }

    private String text() throws IOException {
        return p.getText();
    }

    /** The value at hand, for a message: its type, and itself when short. */
    private String describe() throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the string \"" + abbreviate(text()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(text());
            case VALUE_TRUE, VALUE_FALSE -> t == JsonToken.VALUE_TRUE ? "true" : "false";
            case VALUE_NULL -> "empty";
            default -> abbreviate(text());
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private ConfigException fault(String key, String message) {
        JsonLocation where = key.isEmpty() || keyLocation == null ? p.currentTokenLocation() : keyLocation;
        return new ConfigException(at(where) + (key.isEmpty() ? "" : key + ": ") + message);
    }

    private String at(JsonLocation l) {
        return name + (l == null || l.getLineNr() < 1 ? "" : ":" + l.getLineNr()) + ": ";
    }

    /** The first line of a parser's message, without the name of an exception it wraps. */
    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip().replaceFirst("^([a-z]\\w*\\.)+\\w*(Exception|Error): ", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
