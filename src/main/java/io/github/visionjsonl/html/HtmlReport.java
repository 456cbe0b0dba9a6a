package io.github.visionjsonl.html;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.internal.files.AtomicOutput;
import io.github.visionjsonl.report.PairReport;
import io.github.visionjsonl.report.ValidationReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML page about one or more dataset files, or a training file with its
 * validation file: a verdict per file, the rules that fired, charts of classes, objects, box
 * shapes and image sizes, and (with images) a gallery of thumbnails with the annotations drawn.
 * The page needs no network: its styles, scripts (ECharts, inlined from the
 * {@code org.webjars.npm:echarts} jar, which must be on the class path) and images are inside it.
 *
 * <p>Each file is read once: the validator's report and the page's data come from the same pass.
 * The page goes to a new file, written atomically; an existing file is never replaced.
 *
 * <pre>{@code
 * HtmlReport page = HtmlReport.builder(validator).images(ImageOptions.under(imagesRoot)).build();
 * List<ValidationReport> reports = page.write(List.of(Path.of("train.jsonl")), Path.of("report.html"));
 * }</pre>
 *
 * Instances are immutable and may be shared between threads.
 */
public final class HtmlReport {

    /** Thumbnails in the gallery unless {@link Builder#gallery} says otherwise. */
    public static final int DEFAULT_GALLERY = 100;
    /** The longer side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIZE = 256;

    private final DatasetValidator validator;
    private final ImageOptions images;
    private final int gallery;
    private final int perRule;
    private final String rulesUrl;

    private HtmlReport(Builder b) {
        this.validator = b.validator;
        this.images = b.images;
        this.gallery = b.gallery;
        this.perRule = b.perRule;
        this.rulesUrl = b.rulesUrl;
    }

    /** A builder for pages of files checked by {@code validator}. */
    public static Builder builder(DatasetValidator validator) {
        return new Builder(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Validates each file and writes the page about them to {@code page}, a new file.
     *
     * @return the reports, one per file, as {@link DatasetValidator#validate(Path)} gives them
     * @throws java.nio.file.FileAlreadyExistsException when {@code page} exists
     * @throws IOException when a file cannot be read or the page cannot be written
     */
    public List<ValidationReport> write(List<Path> files, Path page) throws IOException {
        refuseExisting(page);
        List<PageData.Section> sections = new ArrayList<>();
        for (Path file : files) {
            PageData.Section section = newSection(file.toString(), null);
            section.report = validator.validateLines(file, section::accept);
            sections.add(section);
        }
        writePage(sections, page);
        return sections.stream().map(s -> s.report).toList();
    }

    /**
     * Validates a training file with its validation file, as
     * {@link DatasetValidator#validatePair(Path, Path)} does, and writes the page about both.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code page} exists
     * @throws IOException when a file cannot be read or the page cannot be written
     */
    public PairReport writePair(Path training, Path validation, Path page) throws IOException {
        refuseExisting(page);
        PageData.Section train = newSection(training.toString(), "training");
        PageData.Section val = newSection(validation.toString(), "validation");
        PairReport pair = validator.validatePair(training, validation, train::accept, val::accept);
        train.report = pair.training();
        val.report = pair.validation();
        writePage(List.of(train, val), page);
        return pair;
    }

    /** Fails before the files are read; the write itself never replaces a file either. */
    private static void refuseExisting(Path page) throws FileAlreadyExistsException {
        if (Files.exists(page, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(page.toString(), null, "refusing to overwrite it");
        }
    }

    private PageData.Section newSection(String source, String role) {
        return new PageData.Section(source, role, new LineSample(source, perRule, gallery));
    }

    private void writePage(List<PageData.Section> sections, Path page) throws IOException {
        PageData data = new PageData(sections, images, gallery, rulesUrl);
        AtomicOutput.write(page, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new Page(data).write(w);
            w.flush();
        });
    }

    /** Configures an {@link HtmlReport}. Not thread-safe; the reports it builds are. */
    public static final class Builder {
        private final DatasetValidator validator;
        private ImageOptions images;
        private int gallery = DEFAULT_GALLERY;
        private int perRule = 5;
        private String rulesUrl = "docs/rules.md";

        private Builder(DatasetValidator validator) {
            this.validator = validator;
        }

        /** Where the images are, for the gallery; without it the page has no gallery. */
        public Builder images(ImageOptions options) {
            this.images = options;
            return this;
        }

        /** At most this many thumbnails (default {@value HtmlReport#DEFAULT_GALLERY}); 0 for none. */
        public Builder gallery(int thumbnails) {
            if (thumbnails < 0) {
                throw new IllegalArgumentException("the gallery size must be >= 0, was " + thumbnails);
            }
            this.gallery = thumbnails;
            return this;
        }

        /** At most this many thumbnails of lines that fired one rule (default 5). */
        public Builder perRule(int lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("the thumbnails per rule must be >= 0, was " + lines);
            }
            this.perRule = lines;
            return this;
        }

        /**
         * Where the rule catalogue is: each rule in the page links to {@code url + "#" + code}
         * (default {@code docs/rules.md}, relative to the page).
         */
        public Builder rulesUrl(String url) {
            this.rulesUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The report. */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
