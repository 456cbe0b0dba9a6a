package io.github.visionjsonl.predict;

import java.util.List;

/**
 * A detection or instance segmentation response: the objects found, each with a score.
 *
 * @param filename the response's {@code filename}, or {@code null}
 * @param imageUrl the image it is for, or {@code null}
 * @param objects the objects, in the response's order
 */
public record ObjectPrediction(String filename, String imageUrl, List<PredictedObject> objects) implements Prediction {

    /** Copies the list. */
    public ObjectPrediction {
        objects = List.copyOf(objects);
    }
}
