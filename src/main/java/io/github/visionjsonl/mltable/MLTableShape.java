package io.github.visionjsonl.mltable;

import io.github.visionjsonl.reading.internal.KeyHints;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * What an MLTable says, checked the way the job's loader reads it: the keys it knows, the
 * {@code paths} resolved against the MLTable's folder, and the transformations an AutoML images
 * job needs ({@code read_json_lines}, then {@code image_url} converted to {@code stream_info}).
 */
final class MLTableShape {

    private static final Set<String> TOP_KEYS = Set.of("paths", "transformations", "$schema", "type", "traits", "metadata");
    private static final Set<String> PATH_KINDS = Set.of("file", "folder", "pattern");
    /** The transformations the loader knows (the MLTable schema's list). */
    private static final Set<String> TRANSFORMATIONS = Set.of("read_json_lines", "convert_column_types",
            "read_delimited", "read_parquet", "read_delta_lake", "take", "take_random_sample", "drop_columns",
            "keep_columns", "skip", "filter", "extract_columns_from_partition_format");
    private static final Set<String> JSON_LINES_KEYS = Set.of("encoding", "invalid_lines", "include_path_column",
            "path_column", "partition_size");
    private static final List<String> ENCODINGS = List.of("utf8", "iso88591", "latin1", "ascii", "utf16", "utf32",
            "utf8bom", "windows1252");
    private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    /** Files a folder or pattern may bring in before the search stops: beyond, it is not a dataset. */
    private static final int MAX_FILES = 1000;
    private static final int MAX_DEPTH = 32;

    private final MLTableValidation.Findings findings;
    private final Path mltable;
    private final Path base;
    private final Set<Path> files = new LinkedHashSet<>();
    private boolean dropsInvalidLines;

    MLTableShape(MLTableValidation.Findings findings, Path mltable) {
        this.findings = findings;
        this.mltable = mltable.toAbsolutePath().normalize();
        Path parent = mltable.getParent();
        this.base = parent == null ? Path.of("") : parent;
    }

    /** The local files the paths name, in order, each once. */
    List<Path> files() {
        return List.copyOf(files);
    }

    boolean dropsInvalidLines() {
        return dropsInvalidLines;
    }

    void check(YamlNode root) {
        if (root != null && root.kind() != YamlNode.Kind.MAPPING) {
            shape(root, "", "the MLTable", "a mapping of paths and transformations");
            return;
        }
        int line = root == null ? 1 : root.line();
        int column = root == null ? 1 : root.column();
        if (root != null) {
            for (YamlNode.Entry e : root.entries()) {
                if (!TOP_KEYS.contains(e.key())) {
                    unknown(e, "/" + e.key(), "the MLTable", TOP_KEYS);
                }
            }
        }
        YamlNode paths = root == null ? null : root.get("paths");
        paths(paths, line, column);
        YamlNode transformations = root == null ? null : root.get("transformations");
        transformations(transformations, line, column);
    }

    // ---- paths -------------------------------------------------------------------------------

    private void paths(YamlNode paths, int line, int column) {
        int usable = 0;
        if (paths != null && paths.kind() != YamlNode.Kind.SEQUENCE) {
            shape(paths, "/paths", "paths", "a list of file, folder or pattern entries");
        } else if (paths != null) {
            for (int i = 0; i < paths.items().size(); i++) {
                YamlNode entry = paths.items().get(i);
                String at = "/paths/" + i;
                if (entry.kind() != YamlNode.Kind.MAPPING) {
                    shape(entry, at, "a paths entry", "a mapping with file, folder or pattern");
                    continue;
                }
                for (YamlNode.Entry e : entry.entries()) {
                    if (!PATH_KINDS.contains(e.key())) {
                        unknown(e, at + "/" + e.key(), "a paths entry", PATH_KINDS);
                    } else if (!e.value().isScalar() || e.value().text() == null) {
                        shape(e.value(), at + "/" + e.key(), e.key(), "a path");
                    } else {
                        usable++;
                        resolve(e.key(), e.value(), at + "/" + e.key());
                    }
                }
            }
        }
        if (usable == 0) {
            findings.add(RuleCode.MLTABLE_NO_PATHS, null, paths == null ? line : paths.line(),
                    paths == null ? column : paths.column(), "/paths", "mltable-no-paths");
        }
    }

    private void resolve(String kind, YamlNode value, String pointer) {
        String text = value.text().strip();
        if (REMOTE.matcher(text).matches()) {
            findings.add(RuleCode.MLTABLE_PATH_MISSING, Severity.INFO, value.line(), value.column(), pointer,
                    "mltable-path-missing.remote", "kind", kind, "value", text);
            return;
        }
        List<Path> found;
        try {
            found = switch (kind) {
                case "file" -> {
                    Path p = base.resolve(text).normalize();
                    yield Files.isRegularFile(p) ? List.of(p) : List.of();
                }
                case "folder" -> folder(base.resolve(text).normalize());
                default -> pattern(text);
            };
        } catch (InvalidPathException | PatternSyntaxException | UncheckedIOException e) {
            found = List.of();
        }
        if (found.isEmpty()) {
            findings.add(RuleCode.MLTABLE_PATH_MISSING, null, value.line(), value.column(), pointer,
                    "mltable-path-missing", "kind", kind, "value", text, "base", base);
        }
        files.addAll(found);
    }

    /** The regular files under a folder, but the MLTable itself, in name order. */
    private List<Path> folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return walk(dir, MAX_DEPTH, p -> true);
    }

    /** The regular files a glob matches, relative to the MLTable's folder. */
    private List<Path> pattern(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        // The search starts at the pattern's longest folder without wildcards.
        String[] segments = g.split("/", -1);
        int fixed = 0;
        while (fixed < segments.length - 1 && !hasWildcard(segments[fixed])) {
            fixed++;
        }
        Path start = g.startsWith("/") ? base.toAbsolutePath().getRoot() : base;
        for (int i = 0; i < fixed; i++) {
            start = start.resolve(segments[i]);
        }
        start = start.normalize();
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        String rest = String.join("/", Arrays.copyOfRange(segments, fixed, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? MAX_DEPTH : segments.length - fixed;
        Path from = start;
        return walk(start, depth, p -> matcher.matches(from.relativize(p)));
    }

    private static boolean hasWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0
                || segment.indexOf('{') >= 0;
    }

    private List<Path> walk(Path dir, int depth, Predicate<Path> wanted) {
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile).map(Path::normalize)
                    .filter(p -> !p.toAbsolutePath().equals(mltable) && wanted.test(p))
                    .sorted().limit(MAX_FILES).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- transformations ---------------------------------------------------------------------

    private void transformations(YamlNode list, int line, int column) {
        boolean jsonLines = false;
        boolean stream = false;
        if (list != null && list.kind() != YamlNode.Kind.SEQUENCE) {
            shape(list, "/transformations", "transformations", "a list of transformations");
            list = null;
        }
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String at = "/transformations/" + i;
                String name;
                YamlNode options = null;
                int nameLine = item.line();
                int nameColumn = item.column();
                if (item.isScalar() && item.text() != null) {
                    name = item.text();
                } else if (item.kind() == YamlNode.Kind.MAPPING && item.entries().size() == 1) {
                    YamlNode.Entry e = item.entries().get(0);
                    name = e.key();
                    options = e.value();
                    nameLine = e.line();
                    nameColumn = e.column();
                } else {
                    shape(item, at, "a transformation", "a mapping with one transformation name");
                    continue;
                }
                at += "/" + name;
                switch (name) {
                    case "read_json_lines" -> {
                        jsonLines = true;
                        readJsonLines(options, at);
                    }
                    case "convert_column_types" -> {
                        stream |= convertsImageUrl(options, at);
                    }
                    default -> {
                        if (!TRANSFORMATIONS.contains(name)) {
                            findings.add(RuleCode.MLTABLE_UNKNOWN_KEY, null, nameLine, nameColumn, at,
                                    "mltable-unknown-key.transformation", "key", name, "hint", hint(name, TRANSFORMATIONS));
                        }
                    }
                }
            }
        }
        int l = list == null ? line : list.line();
        int c = list == null ? column : list.column();
        if (!jsonLines) {
            findings.add(RuleCode.MLTABLE_NO_JSON_LINES, null, l, c, "/transformations", "mltable-no-json-lines");
        }
        if (!stream) {
            findings.add(RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM, null, l, c, "/transformations",
                    "mltable-image-url-not-stream");
        }
    }

    private void readJsonLines(YamlNode options, String at) {
        if (options == null || options.isScalar() && options.text() == null) {
            return;
        }
        if (options.kind() != YamlNode.Kind.MAPPING) {
            shape(options, at, "read_json_lines", "a mapping of options");
            return;
        }
        for (YamlNode.Entry e : options.entries()) {
            String pointer = at + "/" + e.key();
            YamlNode v = e.value();
            switch (e.key()) {
                case "encoding" -> oneOf(e, pointer, ENCODINGS);
                case "invalid_lines" -> {
                    if (oneOf(e, pointer, List.of("error", "drop"))) {
                        dropsInvalidLines = v.text().equals("drop");
                    }
                }
                case "include_path_column" -> oneOf(e, pointer, List.of("true", "false"));
                default -> {
                    if (!JSON_LINES_KEYS.contains(e.key())) {
                        unknown(e, pointer, "read_json_lines", JSON_LINES_KEYS);
                    }
                }
            }
        }
    }

    /** Whether an option's value is one of those allowed (case-insensitive for booleans); reports it when not. */
    private boolean oneOf(YamlNode.Entry e, String pointer, List<String> allowed) {
        YamlNode v = e.value();
        if (v.isScalar() && v.text() != null && allowed.contains(v.text().toLowerCase(Locale.ROOT))) {
            return true;
        }
        findings.add(RuleCode.MLTABLE_UNKNOWN_KEY, null, v.line(), v.column(), pointer, "mltable-unknown-key.value",
                "key", e.key(), "expected", String.join(", ", allowed), "actual", v.isScalar() ? String.valueOf(v.text())
                        : v.describe());
        return false;
    }

    /**
     * Whether the conversions turn {@code image_url} into {@code stream_info}; a conversion of
     * {@code image_url} to another type is reported here.
     */
    private boolean convertsImageUrl(YamlNode conversions, String at) {
        if (conversions == null || conversions.kind() != YamlNode.Kind.SEQUENCE) {
            if (conversions != null) {
                shape(conversions, at, "convert_column_types", "a list of columns and column_type entries");
            }
            return false;
        }
        boolean converted = false;
        for (int i = 0; i < conversions.items().size(); i++) {
            YamlNode c = conversions.items().get(i);
            String pointer = at + "/" + i;
            if (c.kind() != YamlNode.Kind.MAPPING) {
                shape(c, pointer, "a conversion", "a mapping with columns and column_type");
                continue;
            }
            for (YamlNode.Entry e : c.entries()) {
                if (!e.key().equals("columns") && !e.key().equals("column_type")) {
                    unknown(e, pointer + "/" + e.key(), "a conversion", Set.of("columns", "column_type"));
                }
            }
            if (!names(c.get("columns")).contains("image_url")) {
                continue;
            }
            YamlNode type = c.get("column_type");
            if (type != null && type.isScalar() && "stream_info".equals(type.text())) {
                converted = true;
            } else {
                YamlNode where = type != null ? type : c;
                findings.add(RuleCode.MLTABLE_IMAGE_URL_NOT_STREAM, null, where.line(), where.column(),
                        pointer + "/column_type", "mltable-image-url-not-stream.type", "actual",
                        type == null ? "nothing (no column_type)" : type.describe());
                // reported here, with what it is converted to; not again as missing
                converted = true;
            }
        }
        return converted;
    }

    private static List<String> names(YamlNode columns) {
        if (columns == null) {
            return List.of();
        }
        if (columns.isScalar()) {
            return columns.text() == null ? List.of() : List.of(columns.text());
        }
        List<String> names = new ArrayList<>();
        if (columns.kind() == YamlNode.Kind.SEQUENCE) {
            for (YamlNode n : columns.items()) {
                if (n.isScalar() && n.text() != null) {
                    names.add(n.text());
                }
            }
        }
        return names;
    }

    // ---- findings ----------------------------------------------------------------------------

    private void shape(YamlNode node, String pointer, String what, String expected) {
        findings.add(RuleCode.MLTABLE_SYNTAX, null, node.line(), node.column(), pointer, "mltable-syntax.shape",
                "what", what, "expected", expected, "actual", node.describe());
    }

    private void unknown(YamlNode.Entry e, String pointer, String where, Set<String> known) {
        findings.add(RuleCode.MLTABLE_UNKNOWN_KEY, null, e.line(), e.column(), pointer, "mltable-unknown-key",
                "key", e.key(), "where", where, "hint", hint(e.key(), known));
    }

    /** " (did you mean "x"?)" for the known name the JSONL keys' hints would suggest, else "". */
    private static String hint(String name, Set<String> known) {
        String best = KeyHints.nearest(name, new TreeSet<>(known).toArray(String[]::new));
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }
}
