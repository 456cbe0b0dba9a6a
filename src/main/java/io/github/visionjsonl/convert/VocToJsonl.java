package io.github.visionjsonl.convert;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Pascal VOC ({@code Annotations/*.xml}) to AutoML detection JSONL. Each file's {@code <size>}
 * normalizes its boxes: {@code topX = xmin / width}, {@code topY = ymin / height},
 * {@code bottomX = xmax / width}, {@code bottomY = ymax / height} (float coordinates are kept);
 * values outside the image are clamped with a finding. VOC's {@code difficult} is not COCO's
 * crowd, so it is ignored unless asked for ({@link Difficult}). Files are read in name order.
 *
 * <p>The XML parser refuses any DTD, so a file cannot pull in external entities (XXE): such a file
 * is a {@code convert-input} finding and nothing of it is read.
 */
public final class VocToJsonl {

    /** What to do with objects marked {@code <difficult>1</difficult>}. */
    public enum Difficult {
        /** Convert them like the others (the default). */
        KEEP,
        /** Leave them out. */
        SKIP,
        /** Mark them {@code isCrowd}: ignored by the metrics, like VOC's evaluation does. */
        CROWD
    }

    private final String baseUrl;
    private final Difficult difficult;

    /** @param baseUrl prefix of every image URL; the file name from {@code <filename>} follows it */
    public VocToJsonl(String baseUrl, Difficult difficult) {
        this.baseUrl = baseUrl == null ? "" : baseUrl;
        this.difficult = difficult;
    }

    /** A document builder that refuses DTDs and external entities. */
    static DocumentBuilder safeParser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    /**
     * Converts a folder of VOC XML files (the {@code Annotations} folder, or its parent) into a
     * new JSONL file, then validates what it wrote.
     *
     * @throws IOException when the folder cannot be read or the output exists or cannot be written
     */
    public ConversionResult convert(Path folder, Path output) throws IOException {
        Path annotations = Files.isDirectory(folder.resolve("Annotations")) ? folder.resolve("Annotations") : folder;
        List<Path> files;
        try (Stream<Path> s = Files.list(annotations)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList();
        }
        ConversionLog log = new ConversionLog();
        DocumentBuilder parser;
        try {
            parser = safeParser();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser that refuses DTDs: " + e.getMessage(), e);
        }
        long written = 0;
        try (JsonlWriter out = JsonlWriter.create(output)) {
            for (Path file : files) {
                DetectionRecord record = record(parser, file, log);
                if (record != null) {
                    out.write(record);
                    written++;
                }
            }
            out.commit();
        }
        return log.result(output, written,
                DatasetValidator.builder().task(Task.IMAGE_OBJECT_DETECTION).build().validate(output));
    }

    private DetectionRecord record(DocumentBuilder parser, Path file, ConversionLog log) {
        String where = file.getFileName().toString();
        Document doc;
        try {
            doc = parser.parse(file.toFile());
        } catch (SAXException | IOException e) {
            log.add(RuleCode.CONVERT_INPUT, where, "convert-input", "detail", "not a VOC XML file without DTD: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
            return null;
        }
        Element root = doc.getDocumentElement();
        String name = text(root, "filename");
        int width = pixels(number(first(root, "size"), "width"));
        int height = pixels(number(first(root, "size"), "height"));
        if (name.isEmpty() || width <= 0 || height <= 0) {
            log.add(RuleCode.CONVERT_SKIPPED, where, "convert-skipped", "what", where,
                    "reason", "it needs <filename> and a <size> with <width> and <height> of positive whole numbers"
                            + (name.isEmpty() ? "" : ", not \"" + cut(text(first(root, "size"), "width")) + "\" x \""
                                    + cut(text(first(root, "size"), "height")) + "\""));
            return null;
        }
        String size = width + "x" + height;
        List<BoundingBox> boxes = new ArrayList<>();
        NodeList objects = root.getElementsByTagName("object");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            String at = where + "#object" + (i + 1);
            String label = text(o, "name");
            Element box = first(o, "bndbox");
            double[] c = {number(box, "xmin"), number(box, "ymin"), number(box, "xmax"), number(box, "ymax")};
            if (label.isEmpty() || !Double.isFinite(c[0]) || !Double.isFinite(c[1]) || !Double.isFinite(c[2])
                    || !Double.isFinite(c[3])) {
                log.add(RuleCode.CONVERT_SKIPPED, at, "convert-skipped", "what", "object " + (i + 1) + " of " + where,
                        "reason", "it needs <name> and a <bndbox> with four finite numbers");
                continue;
            }
            boolean isDifficult = "1".equals(text(o, "difficult"));
            if (isDifficult && difficult == Difficult.SKIP) {
                continue;
            }
            boxes.add(new BoundingBox(label, log.clamp(c[0] / width, "xmin", at, size),
                    log.clamp(c[1] / height, "ymin", at, size), log.clamp(c[2] / width, "xmax", at, size),
                    log.clamp(c[3] / height, "ymax", at, size), isDifficult && difficult == Difficult.CROWD));
        }
        String extension = ImageFormats.extension(name);
        return new DetectionRecord(baseUrl + name, new ImageDetails(extension == null ? null
                : extension.toLowerCase(Locale.ROOT), width, height), boxes);
    }

    /** A size in pixels: a positive whole number that fits an int ("Infinity" and "1e12" do not); 0 otherwise. */
    private static int pixels(double v) {
        return v > 0 && v <= Integer.MAX_VALUE && v == Math.rint(v) ? (int) v : 0;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static Element first(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element parent, String tag) {
        Element e = first(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static double number(Element parent, String tag) {
        try {
            return Double.parseDouble(text(parent, tag));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
