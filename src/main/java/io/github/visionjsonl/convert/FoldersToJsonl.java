package io.github.visionjsonl.convert;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.internal.urls.ImageFormats;
import io.github.visionjsonl.model.ClassificationRecord;
import io.github.visionjsonl.model.ImageDetails;
import io.github.visionjsonl.model.MultiLabelRecord;
import io.github.visionjsonl.rules.RuleCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Classification datasets from folders or a CSV. Folders: {@code root/<class>/<image>} becomes
 * one multi-class record per image, the URL {@code baseUrl + <class>/<image>}. CSV: rows
 * {@code file,label1;label2} (a header row {@code file,...} is skipped) become multi-label
 * records, the URL {@code baseUrl + file}.
 */
public final class FoldersToJsonl {

    private final String baseUrl;

    /** @param baseUrl prefix of every image URL */
    public FoldersToJsonl(String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    /**
     * Converts class folders into a new multi-class JSONL file; files that are not images (by
     * extension) are left out with a finding.
     *
     * @throws IOException when the folder cannot be read or the output exists or cannot be written
     */
    public ConversionResult folders(Path root, Path output) throws IOException {
        ConversionLog log = new ConversionLog();
        List<Path> classes;
        try (Stream<Path> s = Files.list(root)) {
            classes = s.filter(Files::isDirectory).sorted().toList();
        }
        long written = 0;
        try (JsonlWriter out = JsonlWriter.create(output)) {
            for (Path folder : classes) {
                String label = folder.getFileName().toString();
                List<Path> images;
                try (Stream<Path> s = Files.list(folder)) {
                    images = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path image : images) {
                    String name = image.getFileName().toString();
                    String extension = ImageFormats.extension(name);
                    if (extension == null || ImageFormats.family(extension) == null) {
                        log.add(RuleCode.CONVERT_SKIPPED, label + "/" + name, "convert-skipped", "what", label + "/" + name,
                                "reason", "not an image file of an accepted format");
                        continue;
                    }
                    out.write(new ClassificationRecord(baseUrl + label + "/" + name,
                            new ImageDetails(extension.toLowerCase(Locale.ROOT), null, null), label));
                    written++;
                }
            }
            out.commit();
        }
        return log.result(output, written,
                DatasetValidator.builder().task(Task.IMAGE_CLASSIFICATION).build().validate(output));
    }

    /**
     * Converts a CSV of {@code file,label1;label2} rows into a new multi-label JSONL file.
     *
     * @throws IOException when the file cannot be read or the output exists or cannot be written
     */
    public ConversionResult csv(Path csv, Path output) throws IOException {
        ConversionLog log = new ConversionLog();
        long written = 0;
        try (java.io.BufferedReader rows = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                JsonlWriter out = JsonlWriter.create(output)) {
            int r = -1;
            for (String line = rows.readLine(); line != null; line = rows.readLine()) {
                r++;
                String row = line.strip();
                if (row.isEmpty() || (r == 0 && row.toLowerCase(Locale.ROOT).startsWith("file,"))) {
                    continue;
                }
                int comma = row.indexOf(',');
                if (comma <= 0) {
                    log.add(RuleCode.CONVERT_SKIPPED, csv.getFileName() + ":" + (r + 1), "convert-skipped",
                            "what", "row " + (r + 1), "reason", "a row is: file,label1;label2");
                    continue;
                }
                String file = row.substring(0, comma).strip();
                List<String> labels = new ArrayList<>();
                for (String l : row.substring(comma + 1).split(";")) {
                    if (!l.isBlank()) {
                        labels.add(l.strip());
                    }
                }
                String extension = ImageFormats.extension(file);
                out.write(new MultiLabelRecord(baseUrl + file, extension == null ? ImageDetails.NONE
                        : new ImageDetails(extension.toLowerCase(Locale.ROOT), null, null), labels));
                written++;
            }
            out.commit();
        } catch (CharacterCodingException e) {
            // the writer was not committed: nothing of a half-read file is left behind
            log.add(RuleCode.CONVERT_INPUT, csv.toString(), "convert-input", "detail", csv + " is not UTF-8 text, so not a "
                    + "CSV of file,label1;label2 rows (a binary file, or text in another encoding: save it as UTF-8)");
            return log.result(output, 0, null);
        }
        return log.result(output, written,
                DatasetValidator.builder().task(Task.IMAGE_CLASSIFICATION_MULTILABEL).build().validate(output));
    }
}
