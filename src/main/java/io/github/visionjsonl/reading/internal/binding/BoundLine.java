package io.github.visionjsonl.reading.internal.binding;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Polygon;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import io.github.visionjsonl.reading.internal.FindingSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader found in a line, before it is a record: the URL, the image details, the label's
 * shape and its names or objects. Both readers fill it field by field; {@link #toRecord} builds
 * the record of a task from it and maps the record's list positions back to the line's. One per
 * reading thread, reused from line to line so that a line allocates little.
 */
public final class BoundLine {

    private static final int ALL_CORNERS = 0b1111;
    /** Boxed image sizes up to 8192, made once: every line has two. */
    private static final Integer[] SIZES = new Integer[8193];

    static {
        for (int i = 0; i < SIZES.length; i++) {
            SIZES[i] = i;
        }
    }

    boolean hasUrl;
    String imageUrl;
    /** See {@link #imageUrlStart()}. */
    int imageUrlStart = -1;
    String format;
    Integer width;
    Integer height;
    LabelShape shape;
    String className;
    private final List<String> names = new ArrayList<>();
    /** The line's {@code label} position of each of {@link #names}: a name can be left out. */
    private int[] nameIndex = new int[8];
    private int nameCount;
    private final List<BoundObject> objects = new ArrayList<>();
    private int objectCount;
    boolean anyPolygon;
    /** Per key of {@link KnownKeys#RECORD}, an unknown key that looked like it. */
    final String[] topMisspelt = new String[KnownKeys.RECORD.size()];
    int integerNames;
    int stringNames;
    /** The line's {@code label} position of each label or object of the record last built. */
    private int[] listIndex = new int[16];
    private int listSize;
    /** Lists the records' own are copied from (see {@link ImmutableLists}). */
    private final List<BoundingBox> boxScratch = new ArrayList<>();
    private final List<InstanceMask> maskScratch = new ArrayList<>();
    private final List<Segment> segmentScratch = new ArrayList<>();

    /** Forgets the last line. */
    void reset() {
        hasUrl = false;
        imageUrl = null;
        imageUrlStart = -1;
        format = null;
        width = null;
        height = null;
        shape = LabelShape.ABSENT;
        className = null;
        clearLabel();
        Arrays.fill(topMisspelt, null);
        listSize = 0;
        integerNames = 0;
        stringNames = 0;
    }

    /** Forgets the names and objects of a label (a second {@code label} key is read over the first). */
    void clearLabel() {
        names.clear();
        nameCount = 0;
        objectCount = 0;
        anyPolygon = false;
    }

    /** How many class names of the line were written as integers. */
    public int integerNames() {
        return integerNames;
    }

    /** How many class names of the line were written as strings. */
    public int stringNames() {
        return stringNames;
    }

    /**
     * Where the characters of the record's image URL start in the line's bytes, one byte each
     * (the URL was a plain ASCII string there), or -1 when they do not or there is no URL.
     */
    public int imageUrlStart() {
        return imageUrlStart;
    }

    /** The shape of the line's label. */
    public LabelShape shape() {
        return shape;
    }

    /** An image size, boxed. */
    static Integer size(int pixels) {
        return pixels >= 0 && pixels < SIZES.length ? SIZES[pixels] : Integer.valueOf(pixels);
    }

    /** Adds a class name of a {@code label} list, at its position there. */
    void addName(String name, int jsonIndex) {
        if (nameCount == nameIndex.length) {
            nameIndex = Arrays.copyOf(nameIndex, nameCount * 2);
        }
        nameIndex[nameCount++] = jsonIndex;
        names.add(name);
    }

    /** The next object of the line's {@code label} list, reused from earlier lines when there is one. */
    BoundObject nextObject(int index, int column) {
        BoundObject a;
        if (objectCount < objects.size()) {
            a = objects.get(objectCount);
        } else {
            a = new BoundObject();
            objects.add(a);
        }
        objectCount++;
        a.reset(index, column);
        return a;
    }

    /**
     * The shape of a list of objects, judged from the keys they have: polygons when one has a
     * polygon, boxes when one has a box corner, else objects that fit either task.
     */
    LabelShape objectsShape() {
        if (anyPolygon) {
            return LabelShape.POLYGONS;
        }
        for (int i = 0; i < objectCount; i++) {
            if (objects.get(i).cornersPresent != 0) {
                return LabelShape.BOXES;
            }
        }
        return LabelShape.OBJECTS;
    }

    /** Reports the required keys the record lacks, with a misspelt key found in their place. */
    void missingTopKeys(FindingSink sink) {
        if (!hasUrl) {
            KeyProblems.missing(sink, "", 1, "image_url", topMisspelt[KnownKeys.IMAGE_URL]);
        }
        if (shape == LabelShape.ABSENT) {
            KeyProblems.missing(sink, "", 1, "label", topMisspelt[KnownKeys.LABEL]);
        }
    }

    /**
     * Builds the record of the given task from the bound line, reporting the keys that task
     * requires and the line lacks. Objects that cannot be built (a corner missing, a polygon of
     * the wrong shape) are left out; {@link #jsonIndexes()} maps the record's list positions
     * back to the line's.
     *
     * @return the record, or {@code null} when the label is unusable
     */
    public ImageRecord toRecord(Task task, FindingSink sink) {
        ImageDetails details = format == null && width == null && height == null
                ? ImageDetails.NONE : new ImageDetails(format, width, height);
        listSize = 0;
        switch (task) {
            case IMAGE_CLASSIFICATION:
                return new ClassificationRecord(imageUrl, details, className);
            case IMAGE_CLASSIFICATION_MULTILABEL:
                for (int i = 0; i < nameCount; i++) {
                    addIndex(nameIndex[i]);
                }
                return new MultiLabelRecord(imageUrl, details, ImmutableLists.copyOf(names));
            case IMAGE_OBJECT_DETECTION: {
                List<BoundingBox> boxes = boxScratch;
                boxes.clear();
                for (int i = 0; i < objectCount; i++) {
                    BoundObject a = objects.get(i);
                    boolean complete = checkLabel(a, sink);
                    for (int c = 0; c < 4; c++) {
                        if ((a.cornersPresent & (1 << c)) == 0) {
                            int key = KnownKeys.FIRST_CORNER + c;
                            KeyProblems.missing(sink, "/label/" + a.index, a.column, KnownKeys.LABEL_OBJECT.name(key),
                                    a.misspelt[key]);
                        }
                    }
                    if (complete && a.cornersValid == ALL_CORNERS) {
                        boxes.add(box(a));
                        addIndex(a.index);
                    }
                }
                return new DetectionRecord(imageUrl, details, ImmutableLists.copyOf(boxes));
            }
            default: {
                List<InstanceMask> masks = maskScratch;
                masks.clear();
                for (int i = 0; i < objectCount; i++) {
                    BoundObject a = objects.get(i);
                    boolean complete = checkLabel(a, sink);
                    if (!a.polygonPresent) {
                        KeyProblems.missing(sink, "/label/" + a.index, a.column, "polygon",
                                a.misspelt[KnownKeys.POLYGON]);
                    }
                    if (complete && a.polygonValid) {
                        List<Segment> segments = segmentScratch;
                        segments.clear();
                        for (double[] s : a.segments) {
                            segments.add(new Segment(s));
                        }
                        BoundingBox box = a.cornersValid == ALL_CORNERS ? box(a) : null;
                        masks.add(new InstanceMask(a.label, new Polygon(ImmutableLists.copyOf(segments)), a.crowd, box));
                        addIndex(a.index);
                    }
                }
                return new SegmentationRecord(imageUrl, details, ImmutableLists.copyOf(masks));
            }
        }
    }

    private static boolean checkLabel(BoundObject a, FindingSink sink) {
        if (!a.labelPresent) {
            KeyProblems.missing(sink, "/label/" + a.index, a.column, "label", a.misspelt[KnownKeys.OBJECT_LABEL]);
        }
        return a.label != null;
    }

    private static BoundingBox box(BoundObject a) {
        return new BoundingBox(a.label, a.corners[0], a.corners[1], a.corners[2], a.corners[3], a.crowd);
    }

    private void addIndex(int jsonIndex) {
        if (listSize == listIndex.length) {
            listIndex = Arrays.copyOf(listIndex, listSize * 2);
        }
        listIndex[listSize++] = jsonIndex;
    }

    /**
     * The line's {@code label} positions of the labels or objects of the record last built, or
     * {@code null} when every one made it into the record (positions are then the same).
     */
    public int[] jsonIndexes() {
        for (int i = 0; i < listSize; i++) {
            if (listIndex[i] != i) {
                return Arrays.copyOf(listIndex, listSize);
            }
        }
        return null;
    }
}
