package io.github.visionjsonl.predict;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A classification response (multi-class or multi-label): every class with its probability.
 *
 * @param filename the response's {@code filename}, or {@code null}
 * @param imageUrl the image it is for, or {@code null}
 * @param labels the class names, in the response's order
 * @param probs the probabilities, one per label (copied in and out)
 */
public record ClassPrediction(String filename, String imageUrl, List<String> labels, double[] probs)
        implements Prediction {

    /** Copies the lists. */
    public ClassPrediction {
        labels = List.copyOf(labels);
        probs = probs.clone();
    }

    /** A copy of the probabilities. */
    @Override
    public double[] probs() {
        return probs.clone();
    }

    /** The probability of the label at {@code i}. */
    public double prob(int i) {
        return probs[i];
    }

    /** The label with the highest probability (the first of equals), or {@code null} when there is none. */
    public String top() {
        int best = -1;
        for (int i = 0; i < probs.length; i++) {
            if (best < 0 || probs[i] > probs[best]) {
                best = i;
            }
        }
        return best < 0 ? null : labels.get(best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassPrediction p && Objects.equals(filename, p.filename)
                && Objects.equals(imageUrl, p.imageUrl) && labels.equals(p.labels)
                && Arrays.equals(probs, p.probs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, imageUrl, labels, Arrays.hashCode(probs));
    }

    @Override
    public String toString() {
        return "ClassPrediction[" + filename + ", " + imageUrl + ", " + labels + ", " + Arrays.toString(probs) + "]";
    }
}
