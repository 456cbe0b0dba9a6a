package io.github.visionjsonl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.files.JsonNumbers;
import io.github.visionjsonl.predict.Evaluator;
import io.github.visionjsonl.report.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vision-jsonl evaluate}: scores predictions against ground truth. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Scores predictions against a ground-truth JSONL: accuracy, per-class precision/recall/F1 and the "
            + "confusion matrix (classification), per-class precision/recall/F1 at --threshold (multi-label), COCO mAP "
            + "at IoU 0.50:0.95, 0.50 and 0.75 with crowd regions ignored (detection; segmentation on masks). "
            + "Formulas: docs/evaluation.md.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored, no error in either file", "1:an error in either file, or no prediction matched an image",
            "2:usage error or unreadable input"})
final class EvaluateCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Ground truth (training-format JSONL).")
    Path truth;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "Scoring responses.")
    Path predictions;

    @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.class,
            description = "The task; default: detected from the ground truth.")
    Task task;

    @Option(names = "--mapping", paramLabel = "CSV", description = "filename,image_url rows for responses without image_url.")
    Path mapping;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
            description = "Multi-label: the probability from which a label is predicted, in [0, 1]. Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(names = "--iou", paramLabel = "IOU", split = ",",
            description = "More IoU thresholds to report mAP at (detection, segmentation), e.g. --iou 0.3,0.6.")
    double[] iou = new double[0];

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Task t = task;
            if (t == null) {
                t = DatasetValidator.create().validate(truth).task();
                if (t == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the ground truth tells no task: give --task");
                }
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be in [0, 1], was " + threshold);
            }
            Evaluator evaluator;
            try {
                evaluator = new Evaluator(t, PredictionsCommand.mapping(spec.commandLine(), mapping), threshold, iou);
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--iou: " + ex.getMessage());
            }
            Evaluator.Evaluation e = evaluator.evaluate(truth, predictions);
            if (format == Format.json) {
                json(e, out);
            } else {
                text(e, out);
            }
            out.flush();
            // a score over part of the data, or over nothing, must not pass a CI step
            return e.hasErrors() || e.matched() == 0 ? VisionJsonl.FINDINGS : VisionJsonl.OK;
        } catch (IOException ex) {
            // Only the ground truth is read as a stream (gzip, lines); a failure naming no file is its.
            return ErrorMessages.print(err, ex, truth.toString());
        } catch (UncheckedIOException ex) {
            return ErrorMessages.print(err, ex.getCause(), truth.toString());
        }
    }

    private void text(Evaluator.Evaluation e, PrintWriter out) {
        for (Finding f : e.truthFindings()) {
            out.println(f.format(truth.toString()));
        }
        for (Finding f : e.findings()) {
            out.println(f.format(predictions + (f.line() > 0 || f.pointer().isEmpty() ? "" : "#" + f.pointer())));
        }
        out.println(String.format(Locale.ROOT, "%s: %d ground-truth images, %d predictions, %d matched", e.task(),
                e.truthImages(), e.predictions(), e.matched()));
        if (e.matched() == 0) {
            out.println("  no prediction matched a ground-truth image: nothing was scored (give image_url in the "
                    + "predictions, or --mapping)");
        }
        if (e.task().hasObjects()) {
            out.println(String.format(Locale.ROOT, "  mAP@[.50:.95] %.3f   AP50 %.3f   AP75 %.3f", e.map(), e.ap50(), e.ap75()));
            for (double extra : iou) {
                out.println(String.format(Locale.ROOT, "  mAP@%.2f %.3f", extra, e.apByIou().getOrDefault(extra, Double.NaN)));
            }
            out.println("  class                AP");
            for (Map.Entry<String, Double> c : e.apPerClass().entrySet()) {
                out.println(String.format(Locale.ROOT, "  %-18s %.3f", c.getKey(), c.getValue()));
            }
        } else {
            if (!Double.isNaN(e.accuracy())) {
                out.println(String.format(Locale.ROOT, "  %s %.3f", e.task() == Task.IMAGE_CLASSIFICATION ? "accuracy" : "exact match",
                        e.accuracy()));
            }
            out.println("  class              support  precision  recall     F1");
            for (Evaluator.ClassScore c : e.perClass()) {
                out.println(String.format(Locale.ROOT, "  %-18s %7d  %9.3f  %6.3f  %5.3f", c.label(), c.support(), c.precision(),
                        c.recall(), c.f1()));
            }
        }
    }

    private static void json(Evaluator.Evaluation e, PrintWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("task", e.task().sdkName());
        g.writeNumberField("truthImages", e.truthImages());
        g.writeNumberField("predictions", e.predictions());
        g.writeNumberField("matched", e.matched());
        if (e.task().hasObjects()) {
            JsonNumbers.finiteOrNull(g, "map", e.map());
            JsonNumbers.finiteOrNull(g, "ap50", e.ap50());
            JsonNumbers.finiteOrNull(g, "ap75", e.ap75());
            g.writeObjectFieldStart("apByIou");
            for (Map.Entry<Double, Double> a : e.apByIou().entrySet()) {
                JsonNumbers.finiteOrNull(g, String.format(Locale.ROOT, "%.2f", a.getKey()), a.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("apPerClass");
            for (Map.Entry<String, Double> c : e.apPerClass().entrySet()) {
                JsonNumbers.finiteOrNull(g, c.getKey(), c.getValue());
            }
            g.writeEndObject();
        } else {
            JsonNumbers.finiteOrNull(g, "accuracy", e.accuracy());
            g.writeArrayFieldStart("perClass");
            for (Evaluator.ClassScore c : e.perClass()) {
                g.writeStartObject();
                g.writeStringField("label", c.label());
                g.writeNumberField("support", c.support());
                JsonNumbers.finiteOrNull(g, "precision", c.precision());
                JsonNumbers.finiteOrNull(g, "recall", c.recall());
                JsonNumbers.finiteOrNull(g, "f1", c.f1());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("confusion");
            for (Map.Entry<String, Map<String, Long>> row : e.confusion().entrySet()) {
                g.writeObjectFieldStart(String.valueOf(row.getKey()));
                for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
                    g.writeNumberField(cell.getKey(), cell.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeNumberField("findings", e.findings().size());
        g.writeNumberField("truthFindings", e.truthFindings().size());
        g.writeEndObject();
        g.flush();
        out.println();
    }
}
