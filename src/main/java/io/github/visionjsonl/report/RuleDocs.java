package io.github.visionjsonl.report;

import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The sections of docs/rules.md, packaged with the classes at build time, and the version of the
 * build: what a report that describes its rules (SARIF) tells about them.
 */
final class RuleDocs {

    /** One rule's section: its text (Markdown), the paragraph that says what it is, its first sentence. */
    record Section(String markdown, String description, String summary) {
    }

    private RuleDocs() {
    }

    /** Loaded once, when first asked for. */
    private static final class Holder {
        static final Map<RuleCode, Section> SECTIONS = parse(resource("rules.md"));
        static final String VERSION = readVersion();
    }

    /** The section of a rule. */
    static Section of(RuleCode rule) {
        Section s = Holder.SECTIONS.get(rule);
        if (s == null) {
            throw new IllegalStateException("docs/rules.md has no section for " + rule.code());
        }
        return s;
    }

    /** The version of vision-jsonl this build is. */
    static String version() {
        return Holder.VERSION;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = RuleDocs.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    private static String resource(String name) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not packaged with the classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits the document at its {@code ### `code`} headings; a section ends at the next heading. */
    static Map<RuleCode, Section> parse(String markdown) {
        Map<RuleCode, Section> sections = new EnumMap<>(RuleCode.class);
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String heading = lines[i].strip();
            if (!heading.startsWith("### `") || !heading.endsWith("`")) {
                continue;
            }
            RuleCode rule = RuleCode.fromCode(heading.substring(5, heading.length() - 1)).orElse(null);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith("## ") && !lines[j].startsWith("### ")) {
                body.append(lines[j]).append('\n');
                j++;
            }
            if (rule != null) {
                sections.put(rule, section(body.toString().strip()));
            }
            i = j - 1;
        }
        return Collections.unmodifiableMap(sections);
    }

    /** The section, and its first paragraph after the line that gives the default severity. */
    private static Section section(String body) {
        String description = "";
        for (String paragraph : body.split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty() && !p.startsWith("Default:") && !p.startsWith("```")) {
                description = p.replace('\n', ' ');
                break;
            }
        }
        int end = description.indexOf(". ");
        String summary = end > 0 ? description.substring(0, end + 1) : description;
        return new Section(body, description, summary);
    }
}
