package io.github.visionjsonl.internal.imagefiles;

import io.github.visionjsonl.images.ImageContentOptions;
import io.github.visionjsonl.images.internal.content.ContentAnalysis;
import io.github.visionjsonl.images.internal.content.Measures;
import io.github.visionjsonl.images.internal.content.NearDuplicates;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.record.Histogram;
import io.github.visionjsonl.internal.urls.UrlIndex;
import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ImageContentStatistics;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image-content rules, on the merging thread: the same bytes under two URLs, near-duplicates
 * (within the file, and of a validation image against the training file), and images unfit to
 * train on, plus the content statistics. Images are checked on a pool and come back in any
 * order; they are taken in line order (each line's place is reserved when its check is
 * submitted), so the verdict does not depend on the pool's timing. Memory: about 19 bytes an
 * image for the byte hashes, about 85 for the perceptual index, and the lines waiting for an earlier
 * one's image (bounded by the pool's queue and the time one image may take).
 */
public final class ImageContentChecks {

    /** Grey images remembered for {@code image-grayscale}; more are counted, not reported. */
    private static final int MAX_GREY_LINES = 10_000;
    private static final int GROUPS_LISTED = 20;
    private static final int LINES_PER_GROUP = 10;

    /** What the validation file is checked against: the training file's hashes. */
    record TrainingSide(UrlIndex digests, NearDuplicates near) {
    }

    /** One line whose image was submitted, waiting for its turn. */
    private record Waiting(long line, boolean valid, boolean repeatsUrl, int column, long hash) {
    }

    /** A line's image, arrived before its turn. */
    private record Arrival(ContentAnalysis.Content content, boolean invalid) {
    }

    private final ImageContentOptions options;
    private final FindingCollector findings;
    private TrainingSide training;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final Map<Long, Arrival> arrived = new HashMap<>();
    private final UrlIndex digests = new UrlIndex();
    private final UrlIndex groups = new UrlIndex();
    private final NearDuplicates near;
    private final Histogram brightness = Histogram.linear(0, 255, 17);
    private final Histogram contrast = Histogram.linear(0, 128, 16);
    private final Histogram sharpness = Histogram.logarithmic(-1, 5, 2);
    private final Map<Long, List<Long>> firstGroups = new LinkedHashMap<>();
    /** The grey images' lines, URL hashes and columns, for the findings made when the file ends. */
    private final long[] greyLines = new long[MAX_GREY_LINES];
    private final long[] greyHashes = new long[MAX_GREY_LINES];
    private final int[] greyColumns = new int[MAX_GREY_LINES];
    private int greyKept;
    private long grey;
    private long colour;
    private long images;
    private long duplicates;
    private long nearDuplicates;

    public ImageContentChecks(ImageContentOptions options, FindingCollector findings) {
        this.options = options;
        this.findings = findings;
        this.near = new NearDuplicates(options.nearDuplicateDistance());
    }

    /** Checks this file, a validation file, against a training file's images as well. */
    public void againstTraining(TrainingSide side) {
        this.training = side;
    }

    /** Reserves the place of a line whose image check was just submitted (lines in order). */
    public void expect(long line, boolean valid, boolean repeatsUrl, int column, String url) {
        waiting.add(new Waiting(line, valid, repeatsUrl, column, ImageVerification.urlHash(url)));
    }

    /**
     * Takes the content of a line's image ({@code null} when it had none: not local, refused,
     * unreadable), then judges every line whose turn has come.
     *
     * @param invalid whether the line became invalid by its image's other problems already
     * @param lineFindings where the findings go as well, when lines are handed out one by one
     * @return how many valid lines an image-content finding of error severity made invalid
     */
    public int arrive(long line, ContentAnalysis.Content content, boolean invalid, List<Finding> lineFindings) {
        arrived.put(line, new Arrival(content, invalid));
        int invalidated = 0;
        while (!waiting.isEmpty() && arrived.containsKey(waiting.peek().line())) {
            Waiting w = waiting.poll();
            Arrival a = arrived.remove(w.line());
            if (a.content() != null && judge(w, a.content(), lineFindings) && w.valid() && !a.invalid()) {
                invalidated++;
            }
        }
        return invalidated;
    }

    /** Whether the line got an error finding. */
    private boolean judge(Waiting w, ContentAnalysis.Content c, List<Finding> lineFindings) {
        images++;
        Sink sink = new Sink(w, lineFindings);
        if (!w.repeatsUrl()) {
            sameBytes(w, c, sink);
        }
        if (c.decoded()) {
            if (!w.repeatsUrl()) {
                nearPicture(w, c, sink);
            }
            pixels(w, c, sink);
        }
        return sink.error;
    }

    private void sameBytes(Waiting w, ContentAnalysis.Content c, Sink sink) {
        long trainLine = training == null ? -1 : training.digests().lineOf(c.digestHigh());
        sink.inTraining = trainLine >= 0;
        if (trainLine >= 0) {
            report(w, RuleCode.TRAIN_VALIDATION_LEAK, "duplicate-image-content.training", sink, "first", trainLine,
                    "other", "training file");
        }
        UrlIndex.Seen seen = digests.put(c.digestHigh(), w.line(), 0);
        if (seen != null) {
            duplicates++;
            report(w, RuleCode.DUPLICATE_IMAGE_CONTENT, "duplicate-image-content", sink, "first", seen.line(),
                    "other", "another URL");
            if (groups.put(seen.line(), seen.line(), 0) == null && firstGroups.size() < GROUPS_LISTED) {
                firstGroups.put(seen.line(), new ArrayList<>(List.of(seen.line())));
            }
            List<Long> group = firstGroups.get(seen.line());
            if (group != null && group.size() < LINES_PER_GROUP) {
                group.add(w.line());
            }
        }
    }

    private void nearPicture(Waiting w, ContentAnalysis.Content c, Sink error) {
        long hash = c.perceptual();
        if (training != null && !error.inTraining) {
            NearDuplicates.Match m = training.near().find(hash);
            if (m != null) {
                nearDuplicates++;
                report(w, RuleCode.TRAIN_VALIDATION_NEAR_LEAK, "train-validation-near-leak", error, "first", m.line(),
                        "distance", m.distance());
            }
        }
        NearDuplicates.Match m = near.find(hash);
        // The same bytes are duplicate-image-content already: near means another file.
        if (m != null && digests.lineOf(c.digestHigh()) == w.line()) {
            nearDuplicates++;
            report(w, RuleCode.NEAR_DUPLICATE_IMAGE, "near-duplicate-image", error, "first", m.line(),
                    "distance", m.distance());
        }
        near.add(hash, w.line());
    }

    private void pixels(Waiting w, ContentAnalysis.Content c, Sink error) {
        Measures m = c.measures();
        brightness.add(m.brightness());
        contrast.add(m.contrast());
        sharpness.add(Math.max(0.1, m.sharpness()));
        // Each measure is reported only where the ones before it do not explain it already: a
        // blank frame is also dark and flat, a dark image also low in contrast, a flat one also
        // low in Laplacian variance; and such images are grey for want of light, not of colour.
        if (m.spread() < options.blankBelow()) {
            report(w, RuleCode.IMAGE_BLANK, "image-blank", error, "spread", round(m.spread()));
            return;
        }
        if (m.brightness() < options.darkBelow()) {
            report(w, RuleCode.IMAGE_DARK, "image-dark", error, "value", round(m.brightness()),
                    "threshold", round(options.darkBelow()));
        } else if (m.brightness() > options.brightAbove()) {
            report(w, RuleCode.IMAGE_BRIGHT, "image-bright", error, "value", round(m.brightness()),
                    "threshold", round(options.brightAbove()));
        } else if (m.contrast() < options.lowContrastBelow()) {
            report(w, RuleCode.IMAGE_LOW_CONTRAST, "image-low-contrast", error, "value", round(m.contrast()),
                    "threshold", round(options.lowContrastBelow()));
        } else {
            if (m.sharpness() < options.blurryBelow()) {
                report(w, RuleCode.IMAGE_BLURRY, "image-blurry", error, "value", round(m.sharpness()),
                        "threshold", round(options.blurryBelow()));
            }
            if (m.colourfulness() < options.grayscaleBelow()) {
                grey++;
                if (greyKept < MAX_GREY_LINES) {
                    greyHashes[greyKept] = w.hash();
                    greyColumns[greyKept] = w.column();
                    greyLines[greyKept++] = w.line();
                }
            } else {
                colour++;
            }
        }
        int longer = Math.max(c.width(), c.height());
        int shorter = Math.min(c.width(), c.height());
        if (shorter > 0 && longer > options.oddAspectAbove() * shorter) {
            report(w, RuleCode.IMAGE_ODD_ASPECT, "image-odd-aspect", error, "width", c.width(), "height", c.height(),
                    "ratio", round((double) longer / shorter));
        }
    }

    /**
     * After the last image: grey images are reported when nine in ten of the decoded images are in
     * colour (a grey dataset is not at fault).
     */
    public void finish() {
        if (colour >= 9 * grey && grey > 0) {
            for (int i = 0; i < greyKept; i++) {
                findings.reportAt(greyLines[i], greyHashes[i], RuleCode.IMAGE_GRAYSCALE, "/image_url", greyColumns[i],
                        "image-grayscale", "colour", colour, "images", colour + grey);
            }
        }
    }

    /** What the validation file of a pair is checked against. */
    public TrainingSide asTraining() {
        return new TrainingSide(digests, near);
    }

    public ImageContentStatistics statistics() {
        return new ImageContentStatistics(images, brightness.count(), brightness.summary(), contrast.summary(),
                sharpness.summary(), groups.size(), duplicates, nearDuplicates, List.copyOf(firstGroups.values()));
    }

    /** Where one line's findings go, and whether one was an error. */
    private final class Sink {
        private final Waiting line;
        private final List<Finding> lineFindings;
        private boolean error;
        /** Whether the image's bytes are a training image's: near-leak then says nothing more. */
        private boolean inTraining;

        Sink(Waiting line, List<Finding> lineFindings) {
            this.line = line;
            this.lineFindings = lineFindings;
        }
    }

    private void report(Waiting w, RuleCode rule, String key, Sink sink, Object... params) {
        Finding f = findings.reportAt(w.line(), w.hash(), rule, "/image_url", w.column(), key, params);
        if (f != null) {
            sink.error |= f.severity() == Severity.ERROR;
            if (sink.lineFindings != null) {
                sink.lineFindings.add(f);
            }
        }
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
