package io.github.visionjsonl.convert;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The {@code names:} of a YOLO {@code data.yaml}, read by a YAML parser (quoted names with commas
 * stay whole) with bounds that refuse a YAML bomb: at most {@link #MAX_CODE_POINTS} characters and
 * {@link #MAX_DEPTH} levels of nesting, and no alias at all (Jackson's parser would give an alias's
 * name instead of its value, and expanding them is what a bomb is made of).
 */
final class DataYaml {

    /** The longest data.yaml read, in characters. */
    static final int MAX_CODE_POINTS = 1 << 20;

    /** The deepest nesting of a data.yaml. */
    static final int MAX_DEPTH = 20;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private DataYaml() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setMaxAliasesForCollections(0);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /** The class names by index. */
    static List<String> names(Path file) throws IOException {
        JsonNode root;
        try {
            try (JsonParser p = YAML.getFactory().createParser(Files.newInputStream(file))) {
                while (p.nextToken() != null) {
                    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                        JsonLocation at = p.currentTokenLocation();
                        throw new IOException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": the alias *"
                                + p.getText() + " is not read (the parser would give its name, not its value, and "
                                + "aliases can blow a small file up): write the names out");
                    }
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = YAML.readTree(in);
            }
        } catch (CharConversionException | CharacterCodingException e) {
            throw notText(file, e);
        } catch (JsonProcessingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof CharConversionException || c instanceof CharacterCodingException) {
                    throw notText(file, e);
                }
            }
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() <= 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new IOException(file + where + ": not a YAML file the names can be read from: "
                    + firstLine(e.getOriginalMessage()), e);
        }
        JsonNode names = root == null ? null : root.get("names");
        if (names == null || !(names.isArray() || names.isObject())) {
            throw new IOException(file + ": no \"names:\" list or map of class names");
        }
        List<String> out = new ArrayList<>();
        if (names.isArray()) {
            for (int i = 0; i < names.size(); i++) {
                out.add(name(file, names.get(i), "names[" + i + "]"));
            }
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = names.fields();
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        entries.forEachRemaining(list::add);
        String[] byIndex = new String[list.size()];
        for (Map.Entry<String, JsonNode> e : list) {
            int index;
            try {
                index = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                index = -1;
            }
            if (index < 0 || index >= byIndex.length || byIndex[index] != null) {
                throw new IOException(file + ": the names map has the key " + quote(e.getKey()) + "; its keys must be the "
                        + "class numbers 0 to " + (byIndex.length - 1) + ", each once");
            }
            byIndex[index] = name(file, e.getValue(), "names[" + index + "]");
        }
        return List.of(byIndex);
    }

    private static IOException notText(Path file, IOException e) {
        return new IOException(file + " is not UTF-8 text: a data.yaml is YAML in UTF-8 (or give a names file of one "
                + "class name per line)", e);
    }

    private static String name(Path file, JsonNode n, String what) throws IOException {
        if (!n.isValueNode() || n.isNull() || n.asText().isBlank()) {
            throw new IOException(file + ": " + what + " is " + quote(n.toString()) + ", not a class name");
        }
        return n.asText();
    }

    private static String quote(String s) {
        return s.length() > 60 ? "\"" + s.substring(0, 60) + "...\" (" + s.length() + " characters)" : "\"" + s + "\"";
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline).strip();
    }
}
