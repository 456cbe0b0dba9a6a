package io.github.visionjsonl.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.github.visionjsonl.internal.files.AtomicOutput;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes typed records as JSON Lines, the same bytes for the same records: keys in the order of
 * the format document ({@code image_url}, {@code image_details}, {@code label}; {@code label},
 * corners, {@code isCrowd}, {@code polygon}), numbers in their shortest form that reads back to
 * the same double. The file appears only when {@link #commit()} succeeds: it is written to a
 * temporary file beside the target and moved into place; an existing file is never replaced.
 *
 * <pre>{@code
 * try (JsonlWriter out = JsonlWriter.create(Path.of("train.jsonl"))) {
 *     out.write(record);
 *     out.commit();
 * }
 * }</pre>
 */
public final class JsonlWriter implements Closeable {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private final JsonGenerator json;
    private long written;
    private boolean committed;

    private JsonlWriter(Path target, Path temporary) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.out = Files.newOutputStream(temporary);
        this.json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
    }

    /**
     * Starts writing a new file.
     *
     * @throws FileAlreadyExistsException when the target exists: nothing is ever written over
     */
    public static JsonlWriter create(Path target) throws IOException {
        return new JsonlWriter(target.toAbsolutePath(), AtomicOutput.begin(target));
    }

    /** Writes one record as one line. */
    public void write(ImageRecord record) throws IOException {
        write(record, json);
        json.flush();
        out.write('\n');
        written++;
    }

    /** How many records were written. */
    public long written() {
        return written;
    }

    /** The file the records go to. */
    public Path target() {
        return target;
    }

    /**
     * Moves the written file into place.
     *
     * @throws FileAlreadyExistsException when a file appeared at the target meanwhile
     */
    public void commit() throws IOException {
        json.close();
        out.close();
        AtomicOutput.commit(temporary, target);
        if (!Files.exists(target)) {
            throw new IOException("the move of " + temporary + " to " + target + " left no file");
        }
        committed = true;
    }

    /** Removes the temporary file unless {@link #commit()} succeeded: an aborted write leaves nothing. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                json.close();
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Writes one record as a JSON object (no newline) to a generator. */
    public static void write(ImageRecord record, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("image_url", record.imageUrl());
        ImageDetails d = record.imageDetails();
        if (d != ImageDetails.NONE && (d.format() != null || d.width() != null || d.height() != null)) {
            g.writeObjectFieldStart("image_details");
            if (d.format() != null) {
                g.writeStringField("format", d.format());
            }
            if (d.width() != null) {
                g.writeNumberField("width", d.width());
            }
            if (d.height() != null) {
                g.writeNumberField("height", d.height());
            }
            g.writeEndObject();
        }
        g.writeFieldName("label");
        if (record instanceof ClassificationRecord c) {
            g.writeString(c.label());
        } else if (record instanceof MultiLabelRecord m) {
            g.writeStartArray();
            for (String name : m.labels()) {
                g.writeString(name);
            }
            g.writeEndArray();
        } else if (record instanceof DetectionRecord det) {
            g.writeStartArray();
            for (BoundingBox b : det.boxes()) {
                g.writeStartObject();
                g.writeStringField("label", b.label());
                corners(b, g);
                g.writeNumberField("isCrowd", b.crowd() ? 1 : 0);
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (record instanceof SegmentationRecord seg) {
            g.writeStartArray();
            for (InstanceMask m : seg.masks()) {
                g.writeStartObject();
                g.writeStringField("label", m.label());
                if (m.box() != null) {
                    corners(m.box(), g);
                }
                g.writeNumberField("isCrowd", m.crowd() ? 1 : 0);
                g.writeArrayFieldStart("polygon");
                for (Segment s : m.polygon().segments()) {
                    g.writeStartArray();
                    for (int i = 0; i < s.size(); i++) {
                        g.writeNumber(s.get(i));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void corners(BoundingBox b, JsonGenerator g) throws IOException {
        g.writeNumberField("topX", b.topX());
        g.writeNumberField("topY", b.topY());
        g.writeNumberField("bottomX", b.bottomX());
        g.writeNumberField("bottomY", b.bottomY());
    }
}
