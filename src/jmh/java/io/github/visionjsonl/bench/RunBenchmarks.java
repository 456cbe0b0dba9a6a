package io.github.visionjsonl.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each score as a ratio to the token scan of the same task and
 * data, measured in the same run (the machines are shared and noisy; only ratios compare).
 *
 * <p>Arguments: the JSON result file, then any JMH options.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String[] jmhArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        CommandLineOptions cli = new CommandLineOptions(jmhArgs);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli).resultFormat(ResultFormatType.JSON).result(args[0]);
        if (cli.getIncludes().isEmpty()) {
            options.include(ValidationBenchmark.class.getSimpleName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        // task -> invalid -> benchmark -> ops/s
        Map<String, Map<String, Map<String, Double>>> scores = new TreeMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            bench = bench.substring(bench.lastIndexOf('.') + 1);
            scores.computeIfAbsent(r.getParams().getParam("task"), k -> new TreeMap<>())
                    .computeIfAbsent(r.getParams().getParam("invalid"), k -> new TreeMap<>())
                    .put(bench, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| task | broken lines | scan (corpora/s) | validate, 1 thread | validate, 2 threads | networknt | 1 thread / networknt |");
        System.out.println("|---|---|---|---|---|---|---|");
        scores.forEach((task, byInvalid) -> byInvalid.forEach((invalid, s) -> {
            double scan = s.getOrDefault("scan", Double.NaN);
            double one = s.getOrDefault("validate", Double.NaN);
            double two = s.getOrDefault("validateTwoThreads", Double.NaN);
            double nt = s.getOrDefault("jsonSchema", Double.NaN);
            System.out.println(String.format(Locale.ROOT, "| %s | %s%% | %.2f | %.2f (%.2fx scan) | %.2f (%.2fx scan) | %.2f (%.2fx scan) | %.1fx |",
                    task, invalid.equals("0") ? "0" : String.format(Locale.ROOT, "%.0f", Double.parseDouble(invalid) * 100),
                    scan, one, one / scan, two, two / scan, nt, nt / scan, one / nt));
        }));
    }
}
