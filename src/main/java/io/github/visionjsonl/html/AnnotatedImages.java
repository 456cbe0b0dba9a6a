package io.github.visionjsonl.html;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.model.InstanceMask;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.model.Segment;
import io.github.visionjsonl.model.SegmentationRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Draws a record's annotations onto its image: a box or polygon outline per object in its
 * class's colour, the class name at each object, crowd objects dashed, and the class names of a
 * classification record as a banner. The same drawing serves the report's thumbnails and
 * {@code vision-jsonl render}'s full-size images.
 *
 * <p>Colours are given by a class's position in the list of the dataset's classes, so one class
 * has one colour in every image of a report.
 */
public final class AnnotatedImages {

    /** Tableau 20: distinct colours that stay apart on photographs. */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5,
    };

    private AnnotatedImages() {
    }

    /**
     * The colour of a class: its position in {@code classes} picks one of twenty distinct colours
     * (a class not in the list gets one from its name's hash).
     */
    public static Color colour(String className, List<String> classes) {
        int index = classes.indexOf(className);
        if (index < 0) {
            index = Math.floorMod(Objects.hashCode(className), PALETTE.length);
        }
        return new Color(PALETTE[index % PALETTE.length]);
    }

    /**
     * A copy of {@code image} in RGB with the record's annotations drawn on it, and a legend of
     * the record's classes when {@code legend} is set.
     *
     * @param classes the dataset's classes, for the colours (see {@link #colour})
     */
    public static BufferedImage draw(BufferedImage image, ImageRecord record, List<String> classes, boolean legend) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float line = Math.max(2f, Math.min(w, h) / 160f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.round(Math.min(w, h) / 22f))));
            if (record instanceof DetectionRecord d) {
                for (BoundingBox b : d.boxes()) {
                    Rectangle2D r = new Rectangle2D.Double(b.topX() * w, b.topY() * h, b.width() * w, b.height() * h);
                    outline(g, r, colour(b.label(), classes), line, b.crowd());
                    tag(g, b.label(), colour(b.label(), classes), r.getX(), r.getY());
                }
            } else if (record instanceof SegmentationRecord s) {
                for (InstanceMask m : s.masks()) {
                    Color c = colour(m.label(), classes);
                    if (m.polygon() == null) {
                        continue;
                    }
                    for (Segment seg : m.polygon().segments()) {
                        Path2D p = path(seg, w, h);
                        if (p != null) {
                            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 64));
                            g.fill(p);
                            outline(g, p, c, line, m.crowd());
                        }
                    }
                    double[] e = m.polygon().extent();
                    if (e != null) {
                        tag(g, m.label(), c, e[0] * w, e[1] * h);
                    }
                }
            } else if (record instanceof ClassificationRecord c) {
                tag(g, c.label(), colour(c.label(), classes), 0, 0);
            } else if (record instanceof MultiLabelRecord m) {
                double y = 0;
                for (String label : m.labels()) {
                    y += tag(g, label, colour(label, classes), 0, y);
                }
            }
            if (legend) {
                legend(g, record, classes, w);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void outline(Graphics2D g, Shape shape, Color colour, float width, boolean crowd) {
        Stroke stroke = crowd
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {3 * width, 2 * width}, 0f)
                : new BasicStroke(width);
        g.setStroke(stroke);
        g.setColor(colour);
        g.draw(shape);
    }

    private static Path2D path(Segment seg, int w, int h) {
        if (seg.pointCount() < 2) {
            return null;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(seg.get(0) * w, seg.get(1) * h);
        for (int i = 2; i + 1 < seg.size(); i += 2) {
            p.lineTo(seg.get(i) * w, seg.get(i + 1) * h);
        }
        p.closePath();
        return p;
    }

    /** Writes a class name on its colour at (x, y), kept inside the image; returns its height. */
    private static double tag(Graphics2D g, String text, Color colour, double x, double y) {
        String label = text == null ? "" : text.length() > 40 ? text.substring(0, 39) + "…" : text;
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(label) + 6;
        int th = fm.getHeight();
        int maxX = g.getDeviceConfiguration().getBounds().width;
        int tx = (int) Math.max(0, Math.min(x, Math.max(0, maxX - tw)));
        int ty = (int) Math.max(0, y - th);
        g.setColor(colour);
        g.fillRect(tx, ty, tw, th);
        g.setColor(brightness(colour) > 150 ? Color.BLACK : Color.WHITE);
        g.drawString(label, tx + 3, ty + fm.getAscent());
        return th;
    }

    private static void legend(Graphics2D g, ImageRecord record, List<String> classes, int width) {
        Set<String> present = new LinkedHashSet<>(record.classNames());
        FontMetrics fm = g.getFontMetrics();
        int rowHeight = fm.getHeight() + 4;
        int boxWidth = 0;
        List<String> names = new ArrayList<>(present);
        for (String n : names) {
            boxWidth = Math.max(boxWidth, fm.stringWidth(String.valueOf(n)) + rowHeight + 12);
        }
        int x = Math.max(0, width - boxWidth - 4);
        int y = 4;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(x, y, boxWidth, rowHeight * names.size() + 4);
        for (String n : names) {
            g.setColor(colour(n, classes));
            g.fillRect(x + 4, y + 4, rowHeight - 6, rowHeight - 6);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(n), x + rowHeight + 2, y + 2 + fm.getAscent());
            y += rowHeight;
        }
    }

    private static int brightness(Color c) {
        return (c.getRed() * 299 + c.getGreen() * 587 + c.getBlue() * 114) / 1000;
    }
}
