package io.github.visionjsonl.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * The files of a dataset and their byte ranges, planned on the driver: each path names a file,
 * a folder (its files, by name, without Spark's {@code _SUCCESS} and hidden files) or a glob;
 * the dataset is the files' lines in turn. Files are cut into ranges of about the split size;
 * a gzip file (by its magic bytes, as the core recognizes it) is one range.
 */
final class InputPlan {

    /** A file of the dataset, as the findings name it. */
    record InputFile(String name, String path, long length, boolean gzip) {
    }

    private InputPlan() {
    }

    static List<InputFile> files(Configuration conf, String... paths) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (String given : paths) {
            try {
                Path p = new Path(given);
                FileSystem fs = p.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(p);
                if (matched == null || matched.length == 0) {
                    throw new NoSuchFileException(given);
                }
                boolean exact = matched.length == 1 && matched[0].getPath().getName().equals(p.getName());
                for (FileStatus status : matched) {
                    String name = exact ? given : status.getPath().toString();
                    if (status.isDirectory()) {
                        FileStatus[] children = fs.listStatus(status.getPath());
                        Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
                        for (FileStatus child : children) {
                            String childName = child.getPath().getName();
                            if (child.isFile() && !childName.startsWith("_") && !childName.startsWith(".")) {
                                files.add(file(fs, child, name + (name.endsWith("/") ? "" : "/") + childName));
                            }
                        }
                    } else {
                        files.add(file(fs, status, name));
                    }
                }
            } catch (AccessControlException e) {
                throw new AccessDeniedException(given);
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(given);
            }
        }
        return files;
    }

    private static InputFile file(FileSystem fs, FileStatus status, String name) throws IOException {
        boolean gzip = false;
        if (status.getLen() >= 2) {
            try (InputStream in = fs.open(status.getPath())) {
                gzip = in.read() == 0x1f && in.read() == 0x8b;
            } catch (AccessControlException e) {
                throw new AccessDeniedException(name);
            }
        }
        return new InputFile(name, status.getPath().toString(), status.getLen(), gzip);
    }

    /**
     * The split size that gives every core a whole number of ranges of at most 128 MB: the
     * last wave of tasks is then as full as the others.
     */
    static long splitSize(List<InputFile> files, int parallelism) {
        long total = 0;
        for (InputFile f : files) {
            total += f.gzip() ? 0 : f.length();
        }
        long perWave = (long) Math.max(1, parallelism) * (128L << 20);
        long waves = Math.max(1, (total + perWave - 1) / perWave);
        long ranges = waves * Math.max(1, parallelism);
        return Math.max(1 << 20, (total + ranges - 1) / ranges);
    }

    /** The byte ranges of every file, in the dataset's order (line numbers not known yet). */
    static List<Piece> ranges(List<InputFile> files, long splitSize) {
        List<Piece> ranges = new ArrayList<>();
        for (InputFile f : files) {
            if (f.length() == 0) {
                continue;
            }
            if (f.gzip()) {
                ranges.add(new Piece(f.name(), f.path(), 0, f.length(), true, 0));
                continue;
            }
            for (long start = 0; start < f.length(); start += splitSize) {
                ranges.add(new Piece(f.name(), f.path(), start, Math.min(f.length(), start + splitSize), false, 0));
            }
        }
        return ranges;
    }

    /**
     * The parts, given each range's count of lines: one range each, except that the first part
     * reaches the line the task was detected from (the lines held back before it are judged
     * once it is known, on one machine).
     */
    static List<Segment> segments(List<Piece> ranges, long[] counts, long taskLine) {
        int n = ranges.size();
        long[] before = new long[n];
        long[] fileBefore = new long[n];
        long lines = 0;
        long fileStart = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !ranges.get(i).path().equals(ranges.get(i - 1).path())) {
                fileStart = lines;
            }
            before[i] = lines;
            fileBefore[i] = fileStart;
            lines += counts[i];
        }
        List<Segment> segments = new ArrayList<>();
        int firstEnd = 0;
        while (firstEnd + 1 < n && before[firstEnd] + counts[firstEnd] < taskLine) {
            firstEnd++;
        }
        if (n > 0) {
            List<Piece> pieces = new ArrayList<>();
            long firstLines = 0;
            for (int i = 0; i <= firstEnd; i++) {
                Piece r = ranges.get(i);
                Piece placed = new Piece(r.file(), r.path(), r.start(), r.end(), r.gzip(), fileBefore[i]);
                Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                if (last != null && last.path().equals(r.path())) {
                    pieces.set(pieces.size() - 1, new Piece(last.file(), last.path(), last.start(), r.end(), r.gzip(),
                            last.fileLinesBefore()));
                } else {
                    pieces.add(placed);
                }
                firstLines += counts[i];
            }
            segments.add(new Segment(0, List.copyOf(pieces), 0, firstLines));
        }
        for (int i = firstEnd + 1; i < n; i++) {
            Piece r = ranges.get(i);
            segments.add(new Segment(segments.size(),
                    List.of(new Piece(r.file(), r.path(), r.start(), r.end(), r.gzip(), fileBefore[i])), before[i],
                    counts[i]));
        }
        return segments;
    }
}
