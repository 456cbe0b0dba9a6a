package io.github.visionjsonl.mltable;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.visionjsonl.reading.internal.Utf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads an MLTable's YAML into {@link YamlNode}s with their lines and columns, in bounded memory
 * and time: the document is at most {@link #MAX_BYTES} bytes of UTF-8 text, nested at most
 * {@link #MAX_DEPTH} levels with at most {@link #MAX_NODES} values, and an alias is a failure, never
 * expanded (so a "billion laughs" document stays its own size). Anything else is a {@link Failure} with the line and column where reading stopped.
 */
final class YamlReader {

    /** An MLTable is a few lines; a megabyte is far beyond any real one. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 100_000;

    private static final YAMLFactory FACTORY;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        FACTORY = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES).maxDocumentLength(MAX_BYTES).build())
                .build();
    }

    /** Why a document could not be read, and where. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String messageKey;
        final Object[] params;
        final int line;
        final int column;

        Failure(String messageKey, int line, int column, Object... params) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.params = params;
            this.line = line;
            this.column = column;
        }
    }

    private int nodes;

    private YamlReader() {
    }

    /** The document's root value; {@code null} for an empty document. */
    static YamlNode read(byte[] bytes) throws Failure {
        if (bytes.length > MAX_BYTES) {
            throw new Failure("mltable-syntax.size", 0, 0, "size", bytes.length, "limit", MAX_BYTES);
        }
        int bad = Utf8.firstInvalid(bytes, 0, bytes.length);
        if (bad >= 0) {
            throw at(bytes, bad, "mltable-syntax.binary", "what", "a byte that is not UTF-8", "offset", bad);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw at(bytes, i, "mltable-syntax.binary", "what", "a NUL byte", "offset", i);
            }
        }
        return new YamlReader().parse(new ByteArrayInputStream(bytes));
    }

    private static Failure at(byte[] bytes, int offset, String key, Object... params) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Failure(key, line, offset - lineStart + 1, params);
    }

    private YamlNode parse(InputStream in) throws Failure {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(in);
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = value(p, 0);
            JsonToken more = p.nextToken();
            if (more != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new Failure("mltable-syntax", l.getLineNr(), l.getColumnNr(),
                        "detail", "more than one YAML document; an MLTable is one");
            }
            return root;
        } catch (Failure f) {
            throw f;
        } catch (IOException | RuntimeException e) {
            // The parser's own failures (and SnakeYAML's limits) end the reading, with its place.
            JsonLocation l = p == null ? null : p.currentLocation();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int cut = message.indexOf("\n at [Source");
            message = oneLine(cut > 0 ? message.substring(0, cut) : message);
            if (message.length() > 300) {
                message = message.substring(0, 297) + "...";
            }
            throw new Failure("mltable-syntax", l == null ? 0 : Math.max(0, l.getLineNr()),
                    l == null ? 0 : Math.max(0, l.getColumnNr()), "detail", message);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over bytes has nothing left to release
                }
            }
        }
    }

    /**
     * SnakeYAML's message on one line: its own sentences, without the indented excerpt of the
     * document, the caret under it and the "in 'reader'" places (the finding has the place).
     */
    private static String oneLine(String message) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\r?\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                b.append(b.length() > 0 ? "; " : "").append(line.strip());
            }
        }
        return b.length() > 0 ? b.toString() : message.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** The value at the parser's current token, read to its end. */
    private YamlNode value(JsonParser p, int depth) throws IOException, Failure {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int column = l.getColumnNr();
        if (++nodes > MAX_NODES) {
            throw new Failure("mltable-syntax", line, column, "detail", "more than " + MAX_NODES + " values");
        }
        if (depth > MAX_DEPTH) {
            throw new Failure("mltable-syntax", line, column, "detail", "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // The job's loader would expand it; expanding is how a small document grows without
            // bound, and an MLTable has no need of aliases.
            throw new Failure("mltable-syntax", line, column, "detail",
                    "an alias (*" + p.getText() + "): write the value out; aliases are not read here");
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation k = p.currentTokenLocation();
                String key = p.currentName();
                for (YamlNode.Entry e : entries) {
                    if (e.key().equals(key)) {
                        throw new Failure("mltable-syntax", k.getLineNr(), k.getColumnNr(), "detail",
                                "the key \"" + key + "\" twice in one mapping (first on line " + e.line() + ")");
                    }
                }
                p.nextToken();
                entries.add(new YamlNode.Entry(key, k.getLineNr(), k.getColumnNr(), value(p, depth + 1)));
            }
            return new YamlNode(YamlNode.Kind.MAPPING, null, List.copyOf(entries), null, line, column);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, depth + 1));
            }
            return new YamlNode(YamlNode.Kind.SEQUENCE, null, null, List.copyOf(items), line, column);
        }
        String text = t == JsonToken.VALUE_NULL ? null : p.getText();
        return new YamlNode(YamlNode.Kind.SCALAR, text, null, null, line, column);
    }
}
