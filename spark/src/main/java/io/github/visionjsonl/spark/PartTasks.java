package io.github.visionjsonl.spark;

import io.github.visionjsonl.internal.dataset.CrossLines;
import io.github.visionjsonl.internal.engine.Partial;
import io.github.visionjsonl.spi.EngineSettings;
import io.github.visionjsonl.spi.PartKnowledge;
import io.github.visionjsonl.spi.PartResult;
import io.github.visionjsonl.spi.Parts;
import io.github.visionjsonl.spi.TaskStart;
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
    record Summary(int id, Partial partial, List<CrossLines.Sighting> sightings) implements Serializable {
        static Summary of(SegmentOutput o) {
            return new Summary(o.id(), o.result().partial(), o.result().sightings());
        }
    }

    static SegmentOutput read(HadoopConf conf, EngineSettings settings, String source, TaskStart task, Segment segment,
            PartKnowledge knowledge, boolean withFindings) throws IOException {
        List<FindingRow> rows = withFindings ? new ArrayList<>() : null;
        PartResult result = Parts.read(settings, new Joined(conf, segment.pieces()), source, segment.linesBefore(),
                Joined.startsInput(segment.pieces()), task, knowledge,
                rows == null ? null : f -> rows.add(FindingRow.of(segment, f)));
        if (knowledge != null) {
            result = new PartResult(result.partial(), new long[0], new long[0], new int[0], result.sightings());
        }
        return new SegmentOutput(segment.id(), result, rows);
    }

    /** The part's images, by fingerprint: their line and label hash. */
    static Iterator<Tuple2<Long, long[]>> facts(SegmentOutput o) {
        PartResult r = o.result();
        long[] fingerprints = r.fingerprints();
        long[] lines = r.lines();
        int[] labels = r.labelHashes();
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < fingerprints.length;
            }

            @Override
            public Tuple2<Long, long[]> next() {
                Tuple2<Long, long[]> t = new Tuple2<>(fingerprints[i], new long[] {lines[i], labels[i]});
                i++;
                return t;
            }
        };
    }

    /**
     * The lines of one image after its first, each with its part and the first line and label
     * hash: {@code [line, first line, first label hash]}.
     */
    static Iterator<Tuple2<Integer, long[]>> repeats(Iterable<long[]> sightings, long[] partStarts) {
        List<long[]> lines = new ArrayList<>();
        for (long[] s : sightings) {
            lines.add(s);
        }
        if (lines.size() < 2) {
            return java.util.Collections.emptyIterator();
        }
        lines.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] first = lines.get(0);
        List<Tuple2<Integer, long[]>> out = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            long line = lines.get(i)[0];
            out.add(new Tuple2<>(SparkDatasetValidator.segmentOf(partStarts, line), new long[] {line, first[0], first[1]}));
        }
        return out.iterator();
    }

    /** What a part is told when it is read again. */
    static PartKnowledge knowledge(Iterable<long[]> repeats, CrossLines.DatastoreStart datastores) {
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
        return new PartKnowledge(lines, firstLines, firstLabels, datastores);
    }
}
