package io.github.visionjsonl.internal.dataset;

import io.github.visionjsonl.internal.findings.FindingCollector;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.internal.urls.ImageUrls;
import io.github.visionjsonl.rules.RuleCode;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a file whose lines point into more than one datastore, or (in the long
 * {@code azureml://subscriptions/...} form) more than one workspace: on the merging thread, from
 * the hashes the workers found with each URL's facts, so a line of the file's own datastore costs
 * two comparisons. The first line of each other datastore or workspace is reported, naming the
 * file's first.
 */
public final class DatastoreMix {

    /** Beyond this many distinct datastores or workspaces, the file is reported enough. */
    private static final int MAX_TRACKED = 1000;

    private final FindingCollector findings;
    private final DatasetChecks.Line line;
    private final boolean on;
    private long firstDatastore;
    private long firstDatastoreLine;
    private String firstDatastoreName;
    private long firstWorkspace;
    private long firstWorkspaceLine;
    private String firstWorkspaceName;
    private final Set<Long> seen = new HashSet<>();
    /** For a part of an input read on another machine ({@link CrossLines}), or null. */
    private final CrossLines cross;
    private long reported;

    /**
     * What the check knows after some lines, so that it can go on from there in another part
     * of the input (read on another machine).
     */
    record State(long firstDatastore, long firstDatastoreLine, String firstDatastoreName, long firstWorkspace,
            long firstWorkspaceLine, String firstWorkspaceName, long[] seen) implements Serializable {
    }

    public DatastoreMix(ValidatorConfig config, FindingCollector findings, DatasetChecks.Line line) {
        this(config, findings, line, null);
    }

    /**
     * @param cross where a part of an input notes its URLs' datastores (while its facts are
     *     gathered), or the state it goes on from; null for a whole input
     */
    public DatastoreMix(ValidatorConfig config, FindingCollector findings, DatasetChecks.Line line, CrossLines cross) {
        this.findings = findings;
        this.line = line;
        this.on = config.severityOf(RuleCode.MIXED_DATASTORES, null) != null;
        this.cross = cross;
        State from = cross == null ? null : cross.datastoresBefore();
        if (from != null) {
            firstDatastore = from.firstDatastore();
            firstDatastoreLine = from.firstDatastoreLine();
            firstDatastoreName = from.firstDatastoreName();
            firstWorkspace = from.firstWorkspace();
            firstWorkspaceLine = from.firstWorkspaceLine();
            firstWorkspaceName = from.firstWorkspaceName();
            for (long s : from.seen()) {
                seen.add(s);
            }
        }
    }

    /** Where this check stands. */
    State state() {
        return new State(firstDatastore, firstDatastoreLine, firstDatastoreName, firstWorkspace, firstWorkspaceLine,
                firstWorkspaceName, seen.stream().mapToLong(Long::longValue).toArray());
    }

    /** How many findings this check made. */
    long reported() {
        return reported;
    }

    /** Checks the current line's URL, given the hashes its worker found (0 when none). */
    public void check(String url, long datastore, long workspace) {
        if (!on || datastore == 0) {
            return;
        }
        if (cross != null && cross.gathers()) {
            cross.datastores(line.number(), url, datastore, workspace);
            return;
        }
        if (firstDatastore == 0) {
            firstDatastore = datastore;
            firstDatastoreLine = line.number();
            firstDatastoreName = ImageUrls.datastorePath(url).datastore();
        } else if (datastore != firstDatastore && seen.size() < MAX_TRACKED && seen.add(datastore)) {
            report("datastore", ImageUrls.datastorePath(url).datastore(), firstDatastoreLine, firstDatastoreName);
        }
        if (workspace == 0) {
            return;
        }
        if (firstWorkspace == 0) {
            firstWorkspace = workspace;
            firstWorkspaceLine = line.number();
            firstWorkspaceName = ImageUrls.workspace(url);
        } else if (workspace != firstWorkspace && seen.size() < MAX_TRACKED && seen.add(workspace ^ 0x5DEECE66DL)) {
            report("workspace", ImageUrls.workspace(url), firstWorkspaceLine, firstWorkspaceName);
        }
    }

    private void report(String kind, String value, long first, String firstName) {
        reported++;
        int column = findings.keeps() ? line.column("/image_url") : 0;
        findings.report(RuleCode.MIXED_DATASTORES, null, "/image_url", column, "mixed-datastores", "kind", kind,
                "value", value, "firstLine", first, "first", firstName,
                "more", kind.equals("workspace") ? " (subscription, resource group and workspace)" : "");
    }
}
