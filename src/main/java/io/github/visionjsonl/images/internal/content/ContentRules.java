package io.github.visionjsonl.images.internal.content;

/** The defaults of the image-content rules, with their reasons in docs/rules.md. */
final class ContentRules {

    /** Perceptual hashes this close (in bits) are near-duplicates. */
    static final int DEFAULT_NEAR_DUPLICATE_DISTANCE = 6;

    private ContentRules() {
    }
}
