package io.github.visionjsonl.html;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.images.ImageOptions;
import io.github.visionjsonl.images.internal.ImageChecker;
import io.github.visionjsonl.images.internal.ImageRoot;
import io.github.visionjsonl.internal.files.AtomicOutput;
import io.github.visionjsonl.model.ImageRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongPredicate;
import javax.imageio.ImageIO;

/**
 * Draws the annotations of chosen lines onto their images at full size, as PNG files: for spot
 * checks ({@code vision-jsonl render}) and for users' own tools. The drawing is the report's
 * (see {@link AnnotatedImages}), with a legend of each image's classes.
 *
 * <pre>{@code
 * List<ImageRendering.Rendered> drawn = ImageRendering.render(DatasetValidator.create(), Path.of("train.jsonl"),
 *         ImageOptions.under(Path.of("images")), line -> line <= 10, Path.of("drawn"));
 * }</pre>
 */
public final class ImageRendering {

    /**
     * What became of one chosen line.
     *
     * @param line the 1-based line number
     * @param file the PNG written, or {@code null} when the line could not be drawn
     * @param problem why it could not be drawn, or {@code null}
     */
    public record Rendered(long line, Path file, String problem) {
    }

    private ImageRendering() {
    }

    /**
     * Validates {@code file} (one pass) and draws each chosen line that has a record onto its image,
     * into {@code outDir} (created when absent) as {@code <line>-<image name>.png}. Files are new,
     * written atomically; an existing file is never replaced (that line gets a problem instead).
     *
     * @param lines which line numbers to draw
     * @throws IOException when the file cannot be read or the folder cannot be made
     */
    public static List<Rendered> render(DatasetValidator validator, Path file, ImageOptions images, LongPredicate lines,
            Path outDir) throws IOException {
        Objects.requireNonNull(images, "images");
        Files.createDirectories(outDir);
        ImageChecker locator = new ImageChecker(images);
        List<Rendered> done = new ArrayList<>();
        // Drawn as the lines stream past, so memory does not grow with the count of lines chosen;
        // colours come from the class names alone (no list of the file's classes exists yet).
        validator.validateLines(file, line -> {
            if (line.record() != null && lines.test(line.line())) {
                done.add(draw(line.line(), line.record(), locator, List.of(), outDir));
            }
        });
        return done;
    }

    private static Rendered draw(long line, ImageRecord record, ImageChecker locator, List<String> classes, Path outDir) {
        try (ImageRoot.Opened image = locator.openImage(record.imageUrl())) {
            if (image == null) {
                return new Rendered(line, null, "no local image for " + record.imageUrl() + " under the images root");
            }
            Path target = outDir.resolve(String.format(Locale.ROOT, "%d-%s.png", line, baseName(image.path())));
            try {
                BufferedImage drawn = AnnotatedImages.draw(Pictures.read(image, 0), record, classes, true);
                AtomicOutput.write(target, out -> ImageIO.write(drawn, "png", out));
                return new Rendered(line, target, null);
            } catch (Pictures.Unusable e) {
                return new Rendered(line, null, image.path() + " " + e.getMessage());
            } catch (IOException e) {
                return new Rendered(line, null, "cannot write " + target + ": " + e.getMessage());
            }
        } catch (IOException e) {
            return new Rendered(line, null, "cannot read the image of " + record.imageUrl() + ": " + e.getMessage());
        }
    }

    private static String baseName(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
