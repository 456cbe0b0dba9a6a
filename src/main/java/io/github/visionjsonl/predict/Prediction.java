package io.github.visionjsonl.predict;

/**
 * One scoring response of a deployed model, typed by the kind of task that made it.
 * {@code filename} is what the endpoint reports (often a temporary path); {@code imageUrl} is
 * the image it was scored for when the response (or a mapping) says so, else {@code null}.
 */
public sealed interface Prediction permits ClassPrediction, ObjectPrediction {

    /** The {@code filename} of the response, or {@code null}. */
    String filename();

    /** The image URL the prediction is for, or {@code null} when unknown. */
    String imageUrl();
}
