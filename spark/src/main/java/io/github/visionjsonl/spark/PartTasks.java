package io.github.visionjsonl.spark;

import io.github.visionjsonl.spi.DatastoreSightings;
import io.github.visionjsonl.spi.DatastoreStart;
import io.github.visionjsonl.spi.EngineSettings;
import io.github.visionjsonl.spi.FirstLines;
import io.github.visionjsonl.spi.PartKnowledge;
import io.github.visionjsonl.spi.PartResult;
import io.github.visionjsonl.spi.PartShare;
import io.github.visionjsonl.spi.Parts;
import io.github.visionjsonl.spi.TaskStart;
import io.github.visionjsonl.spi.Training;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/** What the executors do: read a part, give its images' facts, find the repeating lines of an image. */
final class PartTasks {

    private PartTasks() {
    }

    /** A part's share of the report and its datastores, for the driver (small). */
    record Summary(int id, PartShare partial, DatastoreSightings sightings, List<String> unseenNames)
            implements Serializable {
        static Summary of(SegmentOutput o) {
            return new Summary(o.id(), o.result().share(), o.result().sightings(), o.result().unseenNames());
        }
    }

    static SegmentOutput read(HadoopConf conf, EngineSettings settings, String source, TaskStart task, Segment segment,
            PartKnowledge knowledge, boolean withFindings, Training training) throws IOException {
        List<FindingRow> rows = withFindings ? new ArrayList<>() : null;
        PartResult result = Parts.read(settings, new Joined(conf, segment.pieces()), source, segment.linesBefore(),
                Joined.startsInput(segment.pieces()), task, knowledge,
                rows == null ? null : f -> rows.add(FindingRow.of(segment, f)), training);
        if (knowledge != null) {
            result = new PartResult(result.share(), new long[0], new long[0], new int[0], result.sightings(),
                    result.unseenNames());
        }
        return new SegmentOutput(segment.id(), result, rows);
    }

    /**
     * The images of one part whose fingerprints fall in one bucket, in line order: what the
     * shuffle moves (primitive arrays, a few records per part rather than one per image).
     */
    record FactChunk(int part, long[] fingerprints, long[] lines, int[] labelHashes) implements Serializable {
    }

    /** The bucket of a fingerprint: its high bits, mixed, so buckets fill evenly whatever the URLs. */
    static int bucketOf(long fingerprint, int buckets) {
        return (int) (((fingerprint * 0x9E3779B97F4A7C15L) >>> 33) % buckets);
    }

    /** A part's images, cut by bucket. */
    static Iterator<Tuple2<Integer, FactChunk>> chunks(SegmentOutput o, int buckets) {
        PartResult r = o.result();
        long[] fingerprints = r.fingerprints();
        int[] sizes = new int[buckets];
        for (long f : fingerprints) {
            sizes[bucketOf(f, buckets)]++;
        }
        long[][] fps = new long[buckets][];
        long[][] lines = new long[buckets][];
        int[][] labels = new int[buckets][];
        for (int b = 0; b < buckets; b++) {
            fps[b] = new long[sizes[b]];
            lines[b] = new long[sizes[b]];
            labels[b] = new int[sizes[b]];
        }
        int[] at = new int[buckets];
        for (int i = 0; i < fingerprints.length; i++) {
            int b = bucketOf(fingerprints[i], buckets);
            fps[b][at[b]] = fingerprints[i];
            lines[b][at[b]] = r.lines()[i];
            labels[b][at[b]] = r.labelHashes()[i];
            at[b]++;
        }
        List<Tuple2<Integer, FactChunk>> out = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (sizes[b] > 0) {
                out.add(new Tuple2<>(b, new FactChunk(o.id(), fps[b], lines[b], labels[b])));
            }
        }
        return out.iterator();
    }

    /**
     * The lines of a bucket's images after their first, each with its part and the first line
     * and label hash ({@code [line, first line, first label hash]}): the chunks are taken in
     * the parts' order, so the images come in line order into the core's duplicate index.
     */
    static Iterator<Tuple2<Integer, long[]>> repeats(Iterator<Tuple2<Integer, FactChunk>> bucket) {
        List<FactChunk> chunks = new ArrayList<>();
        bucket.forEachRemaining(t -> chunks.add(t._2()));
        chunks.sort((a, b) -> Integer.compare(a.part(), b.part()));
        FirstLines first = new FirstLines();
        List<Tuple2<Integer, long[]>> out = new ArrayList<>();
        for (FactChunk c : chunks) {
            for (int i = 0; i < c.fingerprints().length; i++) {
                long[] seen = first.repeatOf(c.fingerprints()[i], c.lines()[i], c.labelHashes()[i]);
                if (seen != null) {
                    out.add(new Tuple2<>(c.part(), new long[] {c.lines()[i], seen[0], seen[1]}));
                }
            }
        }
        return out.iterator();
    }

    /**
     * The lines of a validation bucket's images that are in the training bucket of the same
     * fingerprints, each with its part and the image's first training line ({@code [line, training line]}).
     */
    static Iterator<Tuple2<Integer, long[]>> leaks(Iterator<Tuple2<Integer, FactChunk>> validation,
            Iterator<Tuple2<Integer, FactChunk>> training) {
        List<FactChunk> trained = new ArrayList<>();
        training.forEachRemaining(t -> trained.add(t._2()));
        trained.sort((a, b) -> Integer.compare(a.part(), b.part()));
        FirstLines first = new FirstLines();
        for (FactChunk c : trained) {
            for (int i = 0; i < c.fingerprints().length; i++) {
                first.repeatOf(c.fingerprints()[i], c.lines()[i], c.labelHashes()[i]);
            }
        }
        List<Tuple2<Integer, long[]>> out = new ArrayList<>();
        validation.forEachRemaining(t -> {
            FactChunk c = t._2();
            for (int i = 0; i < c.fingerprints().length; i++) {
                long line = first.firstLineOf(c.fingerprints()[i]);
                if (line >= 0) {
                    out.add(new Tuple2<>(c.part(), new long[] {c.lines()[i], line}));
                }
            }
        });
        return out.iterator();
    }

    /** What a part is told when it is read again. */
    static PartKnowledge knowledge(Iterable<long[]> repeats, Iterable<long[]> leaks, DatastoreStart datastores,
            java.util.Set<String> unseenBefore) {
        List<long[]> leaking = new ArrayList<>();
        leaks.forEach(leaking::add);
        leaking.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> sorted = new ArrayList<>();
        for (long[] r : repeats) {
            sorted.add(r);
        }
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] lines = new long[sorted.size()];
        long[] firstLines = new long[sorted.size()];
        int[] firstLabels = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            lines[i] = sorted.get(i)[0];
            firstLines[i] = sorted.get(i)[1];
            firstLabels[i] = (int) sorted.get(i)[2];
        }
        return new PartKnowledge(lines, firstLines, firstLabels, datastores,
                leaking.stream().mapToLong(l -> l[0]).toArray(), leaking.stream().mapToLong(l -> l[1]).toArray(),
                unseenBefore);
    }
}
