package io.github.visionjsonl.html;

import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.reading.ValidatedLine;
import io.github.visionjsonl.report.ValidationReport;
import java.util.List;

/** What one page shows: a section per file, and how its gallery and links are made. */
final class PageData {

    /** One file of the page: its report, and what was gathered from its lines on the way. */
    static final class Section {
        final String source;
        /** {@code "training"}, {@code "validation"} or {@code null} for a file on its own. */
        final String role;
        final LineSample sample;
        final ShapeStats shapes = new ShapeStats();
        ValidationReport report;

        Section(String source, String role, LineSample sample) {
            this.source = source;
            this.role = role;
            this.sample = sample;
        }

        void accept(ValidatedLine line) {
            shapes.accept(line);
            sample.accept(line);
        }
    }

    final List<Section> sections;
    final ImageOptions images;
    final int gallery;
    final String rulesUrl;

    PageData(List<Section> sections, ImageOptions images, int gallery, String rulesUrl) {
        this.sections = List.copyOf(sections);
        this.images = images;
        this.gallery = gallery;
        this.rulesUrl = rulesUrl;
    }
}
