package io.github.visionjsonl.internal.engine;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.RuntimeTally;
import io.github.visionjsonl.internal.imagefiles.ImageContentChecks;
import io.github.visionjsonl.internal.imagefiles.ImageVerification;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.rules.RuleCode;

/**
 * The image files of a run's lines, checked on a pool while the lines go on: what each line
 * expects of its image, and the verdicts as they come back, reported about their lines (whose
 * bytes are gone by then, so the findings carry the hash taken when the line was read).
 */
final class LineImages {

    private final ValidatorConfig config;
    private final FindingCollector findings;
    private final RuntimeTally runtime;
    private final LineOutcomes outcomes;
    private final ImageVerification images;
    /** The image-content rules, or null when the pixels are not looked at. */
    private final ImageContentChecks content;

    LineImages(ValidatorConfig config, FindingCollector findings, RuntimeTally runtime, LineOutcomes outcomes,
            ImageVerification images, ImageContentChecks content) {
        this.config = config;
        this.findings = findings;
        this.runtime = runtime;
        this.outcomes = outcomes;
        this.images = images;
        this.content = content;
    }

    /**
     * What a record's image must be; with the sizes of its boxes when it is the line being merged
     * ({@code current}, null for a held-back line: its boxes' places in the line are gone).
     */
    static ImageChecker.Expectation expectation(ImageRecord record, LineResult current) {
        ImageDetails d = record.imageDetails();
        double[] sizes = null;
        if (current != null && record instanceof DetectionRecord det && !det.boxes().isEmpty()) {
            sizes = new double[det.boxes().size() * 3];
            for (int i = 0; i < det.boxes().size(); i++) {
                sizes[3 * i] = current.jsonIndex(i);
                sizes[3 * i + 1] = det.boxes().get(i).width();
                sizes[3 * i + 2] = det.boxes().get(i).height();
            }
        }
        return new ImageChecker.Expectation(record.imageUrl(), d.format(), d.width(), d.height(), sizes);
    }

    /**
     * Reports the images checked on the pool since the last call.
     *
     * @param task the file's task, or null while it is not known
     * @return how many lines counted valid their images made invalid
     */
    long drain(Task task) {
        long invalidated = 0;
        ImageVerification.Result r;
        while ((r = images.poll()) != null) {
            findings.atEarlierLine(r.line(), r.lineHash());
            boolean imageError = findings.reportImage(r.line(), r.column(), r.problems(), null);
            if (imageError && r.lineValid()) {
                invalidated++;
                outcomes.imageRejected();
            }
            if (content != null) {
                // lines whose image-content finding is an error (the user's choice of severity)
                invalidated += content.arrive(r.line(), r.content(), imageError, null);
            }
            RuleCode drop = RuntimeTally.imageDrop(config, r.problems());
            if (drop != null && r.keptAnnotations() >= 0) {
                runtime.imageDropped(drop, r.keptAnnotations(), task != null && task.hasObjects());
            }
            findings.earlierLineDone();
        }
        return invalidated;
    }
}
