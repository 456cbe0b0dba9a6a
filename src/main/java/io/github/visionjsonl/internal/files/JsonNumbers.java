package io.github.visionjsonl.internal.files;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * How the JSON outputs write a number that may have no value: as {@code null}, so a reader tells
 * "none" from zero and never meets {@code NaN}, which JSON does not have.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** Writes the field as the number, or {@code null} when it is NaN or an infinity (no value). */
    public static void finiteOrNull(JsonGenerator out, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumberField(name, value);
        } else {
            out.writeNullField(name);
        }
    }

    /** Writes the field as the number, or {@code null} when it is 0 or less (a line or column that is none). */
    public static void positiveOrNull(JsonGenerator out, String name, long value) throws IOException {
        if (value > 0) {
            out.writeNumberField(name, value);
        } else {
            out.writeNullField(name);
        }
    }
}
