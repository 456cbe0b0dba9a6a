package io.github.visionjsonl.internal.dataset;

import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.findings.RuntimeTally;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.internal.urls.UrlIndex;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks across lines of one part of an input that is read in parts on several machines
 * ({@code io.github.visionjsonl.spi}): duplicate images, conflicting labels and mixed datastores.
 * A part is read twice at most. First its facts are gathered (each image's fingerprint, line and
 * label hash; the first line of each datastore) and nothing is reported; once every part's facts
 * are brought together, a part with lines that repeat an image or mix datastores is read again,
 * told what the lines before it held: its first line of each repeated image, and where the
 * datastore check stood. The findings are then made by the same code, in the same order, as in a
 * run over the whole input.
 */
public final class CrossLines {

    /** Beyond this many datastores or workspaces in one part, the check cannot report more. */
    private static final int MAX_SIGHTED = 2 * 1001;

    private final boolean gathering;
    /** The repeating lines of the part, in line order, with the first line and label hash of their image. */
    private final long[] repeatLines;
    private final long[] repeatFirstLines;
    private final int[] repeatFirstLabels;
    private int cursor;
    private final DatastoresBefore datastoresBefore;
    /** For a validation file's part: its lines whose image is in the training file, with the training line. */
    private final long[] leakLines;
    private final long[] trainingLines;
    private int leakCursor;
    /** The unseen validation classes reported before the part, and those it reports. */
    private final Set<String> unseenBefore;
    private final List<String> unseen = new ArrayList<>();

    private long[] fingerprints;
    private long[] lines;
    private int[] labels;
    private int facts;
    private final List<Sighting> sightings = new ArrayList<>();
    private final Set<Long> sighted = new HashSet<>();

    /** A datastore (and workspace) of a part's URL not seen before in the part, with its line. */
    public record Sighting(long line, String url, long datastore, long workspace) implements Serializable {
    }

    /** Where the mixed-datastores check stands at the start of a part. */
    public static final class DatastoresBefore implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DatastoreMix.State state;

        private DatastoresBefore(DatastoreMix.State state) {
            this.state = state;
        }
    }

    /** Where a part's datastore check starts, and whether it reports a finding in the part. */
    public record DatastoreStart(DatastoresBefore before, boolean reports) implements Serializable {
    }

    private CrossLines(boolean gathering, long[] repeatLines, long[] repeatFirstLines, int[] repeatFirstLabels,
            DatastoresBefore before, long[] leakLines, long[] trainingLines, Set<String> unseenBefore) {
        this.gathering = gathering;
        this.leakLines = leakLines;
        this.trainingLines = trainingLines;
        this.unseenBefore = unseenBefore;
        this.repeatLines = repeatLines;
        this.repeatFirstLines = repeatFirstLines;
        this.repeatFirstLabels = repeatFirstLabels;
        this.datastoresBefore = before;
        if (gathering) {
            fingerprints = new long[1024];
            lines = new long[1024];
            labels = new int[1024];
        }
    }

    /** For the first reading of a part: facts are gathered, nothing across lines is reported. */
    public static CrossLines gathering() {
        return new CrossLines(true, null, null, null, null, new long[0], new long[0], Set.of());
    }

    /**
     * For reading a part again, knowing the parts before it.
     *
     * @param repeatLines the part's lines whose image was seen on an earlier line, ascending
     * @param firstLines for each, the first line of its image
     * @param firstLabels for each, the label hash of that first line
     * @param datastores where the datastore check stands at the part's start, or null for the first part
     */
    public static CrossLines knowing(long[] repeatLines, long[] firstLines, int[] firstLabels,
            DatastoresBefore datastores) {
        if (repeatLines.length != firstLines.length || repeatLines.length != firstLabels.length) {
            throw new IllegalArgumentException("one first line and label hash per repeating line");
        }
        return knowing(repeatLines, firstLines, firstLabels, datastores, new long[0], new long[0], Set.of());
    }

    /**
     * For reading a part of a validation file again, knowing also the training file.
     *
     * @param leakLines the part's lines whose image is in the training file, ascending
     * @param trainingLines for each, the image's first line in the training file
     * @param unseenBefore the classes unseen in training already reported before the part
     */
    public static CrossLines knowing(long[] repeatLines, long[] firstLines, int[] firstLabels,
            DatastoresBefore datastores, long[] leakLines, long[] trainingLines, Set<String> unseenBefore) {
        if (repeatLines.length != firstLines.length || repeatLines.length != firstLabels.length
                || leakLines.length != trainingLines.length) {
            throw new IllegalArgumentException("one first line (and label hash) per repeating line");
        }
        return new CrossLines(false, repeatLines.clone(), firstLines.clone(), firstLabels.clone(), datastores,
                leakLines.clone(), trainingLines.clone(), Set.copyOf(unseenBefore));
    }

    /** For putting the parts' results together: no line is read. */
    public static CrossLines assembly() {
        return knowing(new long[0], new long[0], new int[0], null);
    }

    boolean gathers() {
        return gathering;
    }

    DatastoreMix.State datastoresBefore() {
        return datastoresBefore == null ? null : datastoresBefore.state;
    }

    /** Notes a line's image, or tells the first line of a repeated one ({@code null} when new). */
    UrlIndex.Seen image(long fingerprint, long line, int labelHash) {
        if (gathering) {
            if (facts == fingerprints.length) {
                int n = facts * 2;
                fingerprints = Arrays.copyOf(fingerprints, n);
                lines = Arrays.copyOf(lines, n);
                labels = Arrays.copyOf(labels, n);
            }
            fingerprints[facts] = fingerprint;
            lines[facts] = line;
            labels[facts] = labelHash;
            facts++;
            return null;
        }
        while (cursor < repeatLines.length && repeatLines[cursor] < line) {
            cursor++;
        }
        if (cursor < repeatLines.length && repeatLines[cursor] == line) {
            return new UrlIndex.Seen(repeatFirstLines[cursor], repeatFirstLabels[cursor]);
        }
        return null;
    }

    /** The first training line of the line's image, or -1 (always while gathering: found later). */
    long trainingLine(long line) {
        while (leakCursor < leakLines.length && leakLines[leakCursor] < line) {
            leakCursor++;
        }
        return leakCursor < leakLines.length && leakLines[leakCursor] == line ? trainingLines[leakCursor] : -1;
    }

    Set<String> unseenBefore() {
        return unseenBefore;
    }

    void unseen(String name) {
        unseen.add(name);
    }

    /** The classes unseen in training the part reported, in line order. */
    public List<String> unseenNames() {
        return List.copyOf(unseen);
    }

    /** Notes a line's datastore and workspace hashes (0 for none) when the part has not seen them. */
    void datastores(long line, String url, long datastore, long workspace) {
        if (sighted.size() >= MAX_SIGHTED) {
            return;
        }
        boolean fresh = sighted.add(datastore);
        fresh |= workspace != 0 && sighted.add(workspace ^ 0x5DEECE66DL);
        if (fresh) {
            sightings.add(new Sighting(line, url, datastore, workspace));
        }
    }

    /** How many images were noted. */
    public int imageCount() {
        return facts;
    }

    /** The fingerprint of the {@code i}th image noted. */
    public long fingerprint(int i) {
        return fingerprints[i];
    }

    /** The line of the {@code i}th image noted. */
    public long line(int i) {
        return lines[i];
    }

    /** The label hash of the {@code i}th image noted (0 for objects). */
    public int labelHash(int i) {
        return labels[i];
    }

    /** The datastores the part met first, in line order. */
    public List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    /**
     * Runs the mixed-datastores check over the parts' sightings, in the input's order: where it
     * stands at the start of each part, and whether it reports in that part.
     */
    public static List<DatastoreStart> datastoreStarts(ValidatorConfig config, List<List<Sighting>> parts) {
        FindingCollector counted = new FindingCollector(config, false, new RuntimeTally());
        long[] at = new long[1];
        DatasetChecks.Line line = new DatasetChecks.Line() {
            @Override
            public long number() {
                return at[0];
            }

            @Override
            public int column(String pointer) {
                return 0;
            }

            @Override
            public int jsonIndex(int recordIndex) {
                return recordIndex;
            }
        };
        DatastoreMix mix = new DatastoreMix(config, counted, line);
        List<DatastoreStart> starts = new ArrayList<>(parts.size());
        for (List<Sighting> part : parts) {
            DatastoresBefore before = new DatastoresBefore(mix.state());
            long reported = mix.reported();
            for (Sighting s : part) {
                at[0] = s.line();
                mix.check(s.url(), s.datastore(), s.workspace());
            }
            starts.add(new DatastoreStart(before, mix.reported() > reported));
        }
        return starts;
    }
}
