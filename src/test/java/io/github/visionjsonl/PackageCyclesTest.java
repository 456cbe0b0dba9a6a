package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of src/main depend on each other without cycles, so that each can be read, and
 * changed, knowing only the packages below it. A package depends on another when one of its
 * files imports (or names in full) a type of the other.
 *
 * <p>The root package holds both the entry point and the vocabulary every layer speaks
 * ({@link Task}): its types that depend on no other package of the library count as one node,
 * the others as another. One cycle belongs to Bean Validation's design and is listed, exactly, in
 * {@link #KNOWN}; any other cycle, or that one growing, fails.
 */
class PackageCyclesTest {

    private static final String ROOT = "io.github.visionjsonl";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.github\\.visionjsonl(?:\\.\\w+)+");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    /**
     * The cycle of Bean Validation's design: a constraint annotation names its validator
     * ({@code validatedBy}), which reads the records the annotation is on.
     */
    private static final Set<Set<String>> KNOWN = Set.of(
            Set.of(ROOT + ".model", ROOT + ".rules", ROOT + ".rules.internal"));

    @Test
    void mainPackagesHaveNoCyclesButTheKnownOnes() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".java") && !name.equals("module-info.java") && !name.equals("package-info.java")) {
                    sources.put(main.relativize(f).toString(), Files.readString(f));
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(150);
        Map<String, Set<String>> graph = packageGraph(sources);
        assertThat(graph).containsKeys(ROOT + ".internal.engine", ROOT + ".reading.internal", ROOT + " (vocabulary)");

        assertThat(cycles(graph)).containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void aCyclicImportIsFound() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("A.java", "package io.github.visionjsonl.internal.a;\nimport io.github.visionjsonl.internal.b.B;\nclass A {}\n");
        sources.put("B.java", "package io.github.visionjsonl.internal.b;\nimport io.github.visionjsonl.internal.c.C;\nclass B {}\n");
        sources.put("C.java", "package io.github.visionjsonl.internal.c;\n\nclass C {\n"
                + "    // io.github.visionjsonl.internal.a.A in a comment is no dependency\n"
                + "    Object a = new io.github.visionjsonl.internal.a.A();\n}\n");
        sources.put("D.java", "package io.github.visionjsonl.internal.d;\nimport io.github.visionjsonl.internal.a.A;\nclass D {}\n");

        assertThat(cycles(packageGraph(sources))).containsExactly(
                Set.of(ROOT + ".internal.a", ROOT + ".internal.b", ROOT + ".internal.c"));

        sources.put("C.java", "package io.github.visionjsonl.internal.c;\n\nclass C {\n"
                + "    // io.github.visionjsonl.internal.a.A in a comment is no dependency\n}\n");
        assertThat(cycles(packageGraph(sources))).isEmpty();
    }

    /** Package to the packages it depends on; the root package split into entry and vocabulary. */
    private static Map<String, Set<String>> packageGraph(Map<String, String> sources) {
        Map<String, String> packageOf = new HashMap<>();
        Map<String, String> code = new HashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Matcher m = PACKAGE.matcher(e.getValue());
            assertThat(m.find()).as(e.getKey()).isTrue();
            String simple = Path.of(e.getKey()).getFileName().toString().replace(".java", "");
            String type = m.group(1) + "." + simple;
            packageOf.put(type, m.group(1));
            code.put(type, STRING.matcher(COMMENT.matcher(e.getValue()).replaceAll("")).replaceAll("\"\""));
        }
        Map<String, Set<String>> typeDeps = new HashMap<>();
        for (Map.Entry<String, String> e : code.entrySet()) {
            Set<String> deps = new HashSet<>();
            String body = e.getValue();
            for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                Matcher m = p.matcher(body);
                while (m.find()) {
                    String type = typeNamed(p == IMPORT ? m.group(1) : m.group(), packageOf);
                    if (type != null && !type.equals(e.getKey())) {
                        deps.add(type);
                    }
                }
            }
            String pkg = packageOf.get(e.getKey());
            for (String other : packageOf.keySet()) {
                String simple = other.substring(other.lastIndexOf('.') + 1);
                if (!other.equals(e.getKey()) && packageOf.get(other).equals(pkg)
                        && Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
                    deps.add(other);
                }
            }
            typeDeps.put(e.getKey(), deps);
        }
        Set<String> vocabulary = new HashSet<>();
        for (String type : typeDeps.keySet()) {
            if (packageOf.get(type).equals(ROOT)
                    && typeDeps.get(type).stream().allMatch(d -> packageOf.get(d).equals(ROOT))) {
                vocabulary.add(type);
            }
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : typeDeps.entrySet()) {
            String from = node(e.getKey(), packageOf, vocabulary);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String d : e.getValue()) {
                String n = node(d, packageOf, vocabulary);
                if (!n.equals(from)) {
                    to.add(n);
                }
            }
        }
        return graph;
    }

    private static String node(String type, Map<String, String> packageOf, Set<String> vocabulary) {
        String pkg = packageOf.get(type);
        if (!pkg.equals(ROOT)) {
            return pkg;
        }
        return ROOT + (vocabulary.contains(type) ? " (vocabulary)" : " (entry)");
    }

    /** The type a qualified name names (or a member of, or a type nested in), null when none of ours. */
    private static String typeNamed(String name, Map<String, String> packageOf) {
        for (String n = name; n.indexOf('.') > 0; n = n.substring(0, n.lastIndexOf('.'))) {
            if (packageOf.containsKey(n)) {
                return n;
            }
        }
        return null;
    }

    /** The strongly connected components of more than one node (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
