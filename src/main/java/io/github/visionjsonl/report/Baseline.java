package io.github.visionjsonl.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.visionjsonl.internal.files.AtomicOutput;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings a dataset had when its owners adopted vision-jsonl, so that only new ones fail a
 * build. A finding matches an entry by its file (as named to the validator), rule, pointer and
 * the hash of its line's bytes, so lines inserted or removed elsewhere do not break the match;
 * the same finding twice needs two entries. Immutable; read with {@link #read(Path)}, written with {@link #write(List, Path)}, made
 * in memory with {@link #of(List)}, applied with {@link #apply(ValidationReport, int)}.
 *
 * <p>The file is JSON: {@code {"baseline": 1, "findings": [{"file": ..., "rule": ...,
 * "pointer": ..., "lineHash": "<16 hex digits>", "line": 7, "message": ...}]}}; the line and
 * message are there for people and not matched.
 */
public final class Baseline {

    /** The largest baseline file read. */
    static final long MAX_BYTES = 256L << 20;
    /** The most entries a baseline file may have. */
    static final int MAX_ENTRIES = 2_000_000;

    private record Key(RuleCode rule, String pointer, long lineHash) {
    }

    /** Per file, the count of entries of each key. */
    private final Map<String, Map<Key, Integer>> entries;
    private final int size;

    private Baseline(Map<String, Map<Key, Integer>> entries, int size) {
        this.entries = entries;
        this.size = size;
    }

    /** The count of findings the baseline holds. */
    public int size() {
        return size;
    }

    /** A baseline of the kept findings of the reports. */
    public static Baseline of(List<ValidationReport> reports) {
        Builder b = new Builder();
        for (ValidationReport r : reports) {
            for (Finding f : r.findings()) {
                b.add(name(r.source()), f.rule(), f.pointer(), f.lineHash());
            }
        }
        return b.build();
    }

    /**
     * Splits a report's kept findings into those of the baseline and new ones. The new report has
     * the new findings (at most {@code maxFindings}) and counts only them; findings counted but
     * not kept count as new, since they cannot be compared.
     */
    public BaselinedReport apply(ValidationReport report, int maxFindings) {
        Map<Key, Integer> remaining = new HashMap<>(entries.getOrDefault(name(report.source()), Map.of()));
        List<Finding> fresh = new ArrayList<>();
        List<Finding> baselined = new ArrayList<>();
        long[] byRule = new long[RuleCode.values().length * 3];
        for (Finding f : report.findings()) {
            Key key = new Key(f.rule(), f.pointer(), f.lineHash());
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                baselined.add(f);
                byRule[f.rule().ordinal() * 3 + f.severity().ordinal()]++;
            } else if (fresh.size() < maxFindings) {
                fresh.add(f);
            }
        }
        long fixed = remaining.values().stream().mapToLong(Integer::longValue).sum();
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        Map<RuleCode, RuleCount> counts = new java.util.EnumMap<>(RuleCode.class);
        for (Map.Entry<RuleCode, RuleCount> e : report.ruleCounts().entrySet()) {
            int i = e.getKey().ordinal() * 3;
            RuleCount left = e.getValue().minus(new RuleCount(byRule[i], byRule[i + 1], byRule[i + 2]));
            if (left.count() > 0) {
                counts.put(e.getKey(), left);
            }
        }
        for (int i = 0; i < byRule.length; i += 3) {
            errors += byRule[i];
            warnings += byRule[i + 1];
            infos += byRule[i + 2];
        }
        ValidationReport rest = report.withFindings(fresh, report.errors() - errors, report.warnings() - warnings,
                report.infos() - infos, counts);
        return new BaselinedReport(rest, baselined, fixed);
    }

    /**
     * Writes the kept findings of the reports as a baseline to a new file, atomically (an
     * existing file is never replaced), with each finding's line and message for people.
     */
    public static void write(List<ValidationReport> reports, Path file) throws IOException {
        AtomicOutput.write(file, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("baseline", 1);
                g.writeArrayFieldStart("findings");
                for (ValidationReport r : reports) {
                    for (Finding f : r.findings()) {
                        g.writeStartObject();
                        g.writeStringField("file", name(r.source()));
                        g.writeStringField("rule", f.code());
                        g.writeStringField("pointer", f.pointer());
                        g.writeStringField("lineHash", String.format(Locale.ROOT, "%016x", f.lineHash()));
                        g.writeNumberField("line", f.line());
                        g.writeStringField("message", f.message());
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException when it cannot be read, or is not a baseline (the message is one line
     *     naming the place: {@code baseline.json:3:7: ...})
     */
    public static Baseline read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        long bytes = Files.size(file);
        if (bytes > MAX_BYTES) {
            throw new IOException("too large (" + bytes + " bytes; a baseline has at most " + MAX_BYTES + ")");
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(1 << 20).build())
                .build();
        try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
            return parse(p);
        } catch (StreamConstraintsException e) {
            throw new IOException("not a baseline: " + firstLine(e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where(e.getLocation()) + "not a baseline (" + firstLine(e.getOriginalMessage()) + ")");
        }
    }

    private static Baseline parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw invalid(p, "a baseline is a JSON object {\"baseline\": 1, \"findings\": [...]}");
        }
        Builder b = new Builder();
        boolean versioned = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("baseline")) {
                if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != 1) {
                    throw invalid(p, "\"baseline\" must be 1, the only version there is");
                }
                versioned = true;
            } else if (name.equals("findings")) {
                if (value != JsonToken.START_ARRAY) {
                    throw invalid(p, "\"findings\" must be a list");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    entry(p, b);
                }
            } else {
                throw invalid(p, "unknown key \"" + name + "\"; a baseline has \"baseline\" and \"findings\"");
            }
        }
        if (!versioned) {
            throw invalid(p, "no \"baseline\": 1 key: not a file written by --write-baseline");
        }
        return b.build();
    }

    private static void entry(JsonParser p, Builder b) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw invalid(p, "each finding must be an object");
        }
        JsonLocation start = p.currentTokenLocation();
        String file = null;
        String rule = null;
        String pointer = null;
        String hash = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "file", "rule", "pointer", "lineHash", "message" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw invalid(p, "\"" + name + "\" must be a string");
                    }
                    String text = p.getText();
                    switch (name) {
                        case "file" -> file = text;
                        case "rule" -> rule = text;
                        case "pointer" -> pointer = text;
                        case "lineHash" -> hash = text;
                        default -> { }
                    }
                }
                case "line" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw invalid(p, "\"line\" must be an integer");
                    }
                }
                default -> throw invalid(p, "unknown key \"" + name + "\" in a finding");
            }
        }
        if (file == null || rule == null || pointer == null || hash == null) {
            throw new IOException(where(start) + "a finding needs \"file\", \"rule\", \"pointer\" and \"lineHash\"");
        }
        String code = rule;
        RuleCode r = RuleCode.fromCode(code).orElseThrow(() -> new IOException(where(start) + "unknown rule \"" + code + "\""));
        if (!hash.matches("[0-9a-f]{16}")) {
            throw new IOException(where(start) + "\"lineHash\" must be 16 hexadecimal digits, was \"" + hash + "\"");
        }
        if (b.size == MAX_ENTRIES) {
            throw new IOException(where(start) + "more than " + MAX_ENTRIES + " findings");
        }
        b.add(file, r, pointer, Long.parseUnsignedLong(hash, 16));
    }

    private static IOException invalid(JsonParser p, String message) {
        return new IOException(where(p.currentTokenLocation()) + message);
    }

    private static String where(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A file's name as the baseline keeps it: as given, with {@code /} between folders and no {@code ./}. */
    static String name(String source) {
        String s = source.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s.replace("/./", "/");
    }

    private static final class Builder {
        private final Map<String, Map<Key, Integer>> entries = new HashMap<>();
        private int size;

        void add(String file, RuleCode rule, String pointer, long lineHash) {
            entries.computeIfAbsent(name(file), f -> new HashMap<>()).merge(new Key(rule, pointer, lineHash), 1, Integer::sum);
            size++;
        }

        Baseline build() {
            Map<String, Map<Key, Integer>> copy = new HashMap<>();
            entries.forEach((file, keys) -> copy.put(file, Map.copyOf(keys)));
            return new Baseline(Collections.unmodifiableMap(copy), size);
        }
    }
}
