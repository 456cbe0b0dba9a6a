package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles as written, against the test
 * class path, so a reader can paste it. The convention that keeps the blocks short: a block
 * starts with its imports; then optional {@code // given: Validator validator; Job job;} lines
 * declaring the variables it uses without making them; then either declarations (its first line
 * of code, past comments and annotations, declares a class, record, interface, enum or method),
 * compiled as the members of a class, or statements, compiled as the body of
 * {@code void snippet() throws Exception} of a class. The given variables are fields of that class.
 */
class DocSnippetsTest {

    /**
     * One block.
     *
     * @param file the Markdown file
     * @param line the line in that file of the block's first line (the one after the fence)
     * @param lines the block's lines
     */
    record Snippet(Path file, int line, List<String> lines) {

        /** The first line that is neither blank, an import nor a given: what the block is known by in a failure. */
        String firstLine() {
            return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("import ") && !l.startsWith("// given:"))
                    .findFirst().orElse("");
        }
    }

    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum|@interface)\\s+\\w+.*");
    private static final Pattern METHOD = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)*(?:<[^>]+>\\s+)?"
                + "[\\w.]+(?:<[^()]*>)?(?:\\[])*\\s+(\\w+)\\s*\\(.*");
    private static final Set<String> STATEMENT_WORDS = Set.of("return", "new", "throw", "yield", "else",
            "case", "assert");

    /** The {@code ```java} blocks of a Markdown text. */
    static List<Snippet> extract(Path file, String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            snippets.add(new Snippet(file, start + 1, lines.subList(start, end)));
            i = end;
        }
        return snippets;
    }

    /**
     * The Java source of a block as the convention says, with the Markdown line of each of its
     * lines (0 for the lines the wrapper adds).
     */
    record Source(String className, String text, int[] markdownLines) {
    }

    static Source source(Snippet snippet, String className) {
        List<String> out = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        List<String> given = new ArrayList<>();
        int i = 0;
        List<String> lines = snippet.lines();
        for (; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("import ") || l.isEmpty()) {
                out.add(lines.get(i));
                origin.add(snippet.line() + i);
            } else if (l.startsWith("// given:")) {
                given.add(l.substring("// given:".length()).strip());
                out.add("");
                origin.add(snippet.line() + i);
            } else {
                break;
            }
        }
        boolean declarations = declaresMembers(lines.subList(i, lines.size()));
        add(out, origin, "class " + className + " {");
        given.forEach(g -> add(out, origin, "    " + g));
        if (!declarations) {
            add(out, origin, "void snippet() throws Exception {");
        }
        for (; i < lines.size(); i++) {
            out.add(lines.get(i));
            origin.add(snippet.line() + i);
        }
        if (!declarations) {
            add(out, origin, "}");
        }
        add(out, origin, "}");
        return new Source(className, String.join("\n", out) + "\n", origin.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void add(List<String> out, List<Integer> origin, String line) {
        out.add(line);
        origin.add(0);
    }

    /** Whether the first line of code, past imports, comments and annotations, declares a type or a method. */
    static boolean declaresMembers(List<String> code) {
        for (String line : code) {
            String l = line.replaceFirst("(^|\\s)//.*$", "").strip();
            if (l.isEmpty() || l.startsWith("import ") || l.startsWith("/*") || l.startsWith("*")
                    || l.matches("@\\w+(\\(.*\\))?")) {
                continue;
            }
            l = l.replaceFirst("^(@\\w+(\\([^)]*\\))?\\s+)+", "");
            if (TYPE.matcher(l).matches()) {
                return true;
            }
            var method = METHOD.matcher(l);
            return method.matches() && !STATEMENT_WORDS.contains(l.split("\\s+")[0]) && l.strip().endsWith("{");
        }
        return false;
    }

    /** Compiles the blocks; one message per failing block: its file and first line, and the compiler's messages. */
    static List<String> compile(List<Snippet> snippets, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler (the tests run on a JRE?)").isNotNull();
        Map<JavaFileObject, Snippet> bySource = new LinkedHashMap<>();
        Map<JavaFileObject, Source> sources = new LinkedHashMap<>();
        for (Snippet s : snippets) {
            Source source = source(s, "Snippet" + bySource.size());
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + source.className() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source.text();
                }
            };
            bySource.put(file, s);
            sources.put(file, source);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d",
                    classes.toString(), "-Xlint:none");
            compiler.getTask(null, files, diagnostics, options, null, bySource.keySet()).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Snippet, List<String>> failures = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Snippet s = bySource.get(d.getSource());
            if (s == null) {
                failures.computeIfAbsent(new Snippet(Path.of("?"), 0, List.of()), k -> new ArrayList<>())
                        .add(d.getMessage(Locale.ROOT));
                continue;
            }
            int[] lines = sources.get(d.getSource()).markdownLines();
            long at = d.getLineNumber();
            int markdownLine = at >= 1 && at <= lines.length ? lines[(int) at - 1] : 0;
            failures.computeIfAbsent(s, k -> new ArrayList<>())
                    .add((markdownLine > 0 ? s.file() + ":" + markdownLine + ": " : "") + d.getMessage(Locale.ROOT));
        }
        List<String> messages = new ArrayList<>();
        failures.forEach((s, errors) -> messages.add(s.file() + ":" + s.line() + ": the snippet `" + s.firstLine()
                + "` does not compile:\n    " + String.join("\n    ", errors)));
        return messages;
    }

    private static List<Snippet> docsSnippets() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(extract(f, Files.readString(f)));
        }
        return all;
    }

    @Test
    void everyJavaSnippetOfTheReadmeAndTheDocsCompiles(@TempDir Path classes) throws Exception {
        List<Snippet> snippets = docsSnippets();
        assertThat(snippets).filteredOn(s -> s.file().equals(Path.of("README.md"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(compile(snippets, classes)).as("snippets that do not compile").isEmpty();
    }

    @Test
    void aBrokenSnippetFailsWithItsFileItsFirstLineAndTheCompilersMessage(@TempDir Path classes) {
        String markdown = String.join("\n", "# Title", "", "```java", "import java.nio.file.Path;", "",
                "Path p = Path.of(\"a\");", "int n = p.size();", "```", "", "```java", "import java.util.List;", "",
                "List<String> names = List.of(\"a\");", "```", "");
        List<Snippet> snippets = extract(Path.of("broken.md"), markdown);
        assertThat(snippets).extracting(Snippet::line).containsExactly(4, 11);
        List<String> failures = compile(snippets, classes);
        assertThat(failures).singleElement().asString()
                .startsWith("broken.md:4: the snippet `Path p = Path.of(\"a\");` does not compile:")
                .contains("broken.md:7: cannot find symbol", "size()");
    }

    /** The README's Bean Validation lines as they were: unwrap gives a raw type, whose payload is an Object. */
    @Test
    void theRawUnwrapOfTheOldReadmeDoesNotCompile(@TempDir Path classes) {
        String markdown = String.join("\n", "```java", "import io.github.visionjsonl.rules.RuleCode;",
                "import io.github.visionjsonl.rules.RuleViolation;", "import jakarta.validation.ConstraintViolation;",
                "import org.hibernate.validator.engine.HibernateConstraintViolation;", "// given: ConstraintViolation<?> v;", "",
                "RuleCode rule = v.unwrap(HibernateConstraintViolation.class)",
                "        .getDynamicPayload(RuleViolation.class).rule();", "```");
        assertThat(compile(extract(Path.of("old.md"), markdown), classes)).singleElement().asString()
                .startsWith("old.md:2: the snippet `RuleCode rule = v.unwrap(HibernateConstraintViolation.class)`")
                .contains("old.md:9: cannot find symbol", "method rule()", "class java.lang.Object");
    }

    @Test
    void statementsDeclarationsAndGivenVariablesCompileAsTheConventionSays(@TempDir Path classes) {
        String markdown = String.join("\n",
                "```java",
                "import java.nio.file.Path;",
                "// given: Path train;",
                "",
                "// a comment first",
                "System.out.println(train.getFileName());",
                "```",
                "```java",
                "import java.util.List;",
                "",
                "@SuppressWarnings(\"unused\")",
                "record Pair(String a, String b) {}",
                "",
                "static List<Pair> pairs() {",
                "    return List.of(new Pair(\"a\", \"b\"));",
                "}",
                "```",
                "```java",
                "@Deprecated   // members: a method",
                "void check() throws Exception {",
                "    Thread.sleep(0);",
                "}",
                "```");
        List<Snippet> snippets = extract(Path.of("forms.md"), markdown);
        assertThat(snippets).hasSize(3);
        assertThat(snippets).extracting(s -> declaresMembers(s.lines())).containsExactly(false, true, true);
        assertThat(compile(snippets, classes)).isEmpty();
        assertThat(declaresMembers(List.of("return foo(x);"))).isFalse();
        assertThat(declaresMembers(List.of("for (String s : List.of()) {"))).isFalse();
        assertThat(declaresMembers(List.of("try (RecordReader<DetectionRecord> r = v.records(p, DetectionRecord.class)) {"))).isFalse();
    }
}
