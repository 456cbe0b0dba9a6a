package io.github.visionjsonl.config;

import io.github.visionjsonl.Task;
import io.github.visionjsonl.rules.RuleCode;
import io.github.visionjsonl.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The settings a dataset's owners commit beside it, in {@code vision-jsonl.yaml} (or
 * {@code .yml}, {@code .json}):
 *
 * <pre>{@code
 * task: image-object-detection
 * rules:
 *   unknown-field: error
 *   blank-line: off
 * thresholds:
 *   few-samples: 10
 *   imbalance-ratio: 20
 *   duplicate-box-iou: 0.9
 * max-findings: 5000
 * fail-on: warning
 * images:
 *   root: images
 *   datastore-roots:
 *     workspaceblobstore: data/blob
 *   decode: false
 * threads: 2
 * }</pre>
 *
 * Every key is optional; paths are relative to the file's folder. An unknown key, a value of the
 * wrong type or an unknown rule code is a {@link ConfigException} naming the key and its line.
 * Immutable.
 */
public final class ConfigFile {

    /** The names looked for, in this order, in each folder. */
    public static final List<String> NAMES = List.of("vision-jsonl.yaml", "vision-jsonl.yml", "vision-jsonl.json");

    private final Path file;
    private final Task task;
    private final Map<RuleCode, Severity> severities;
    private final Set<RuleCode> disabled;
    private final Integer fewSamples;
    private final Double imbalanceRatio;
    private final Double duplicateBoxIou;
    private final Integer maxFindings;
    private final Severity failOn;
    private final Path imagesRoot;
    private final Map<String, Path> datastoreRoots;
    private final boolean decode;
    private final Integer threads;

    /** What a reader found, copied. */
    ConfigFile(ConfigReader r) {
        this.file = r.file;
        this.task = r.task;
        this.severities = Collections.unmodifiableMap(r.severities.isEmpty() ? Map.of() : new EnumMap<>(r.severities));
        this.disabled = Collections.unmodifiableSet(r.disabled.isEmpty() ? Set.of() : EnumSet.copyOf(r.disabled));
        this.fewSamples = r.fewSamples;
        this.imbalanceRatio = r.imbalanceRatio;
        this.duplicateBoxIou = r.duplicateBoxIou;
        this.maxFindings = r.maxFindings;
        this.failOn = r.failOn;
        this.imagesRoot = r.imagesRoot;
        this.datastoreRoots = Collections.unmodifiableMap(new LinkedHashMap<>(r.datastoreRoots));
        this.decode = r.decode;
        this.threads = r.threads;
    }

    /**
     * Reads a configuration file: YAML, or JSON when its name ends with {@code .json}.
     *
     * @throws ConfigException when it is not a valid configuration (one line, with the line)
     * @throws IOException when it cannot be read
     */
    public static ConfigFile read(Path file) throws IOException {
        return ConfigReader.read(file);
    }

    /**
     * The configuration file that applies in a folder: the first of {@link #NAMES} in it or in a
     * parent, up to the root of its repository (the first folder with a {@code .git}); outside a
     * repository, only the folder itself is looked in.
     */
    public static Optional<Path> find(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        boolean inRepository = false;
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                inRepository = true;
                break;
            }
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (String name : NAMES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return Optional.of(dir.resolve(name));
                }
            }
            if (!inRepository || Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** {@code task}. */
    public Optional<Task> task() {
        return Optional.ofNullable(task);
    }

    /** {@code rules}: the rules given a severity. */
    public Map<RuleCode, Severity> severities() {
        return severities;
    }

    /** {@code rules}: the rules turned {@code off}. */
    public Set<RuleCode> disabled() {
        return disabled;
    }

    /** {@code thresholds.few-samples}. */
    public OptionalInt fewSamples() {
        return fewSamples == null ? OptionalInt.empty() : OptionalInt.of(fewSamples);
    }

    /** {@code thresholds.imbalance-ratio}. */
    public OptionalDouble imbalanceRatio() {
        return imbalanceRatio == null ? OptionalDouble.empty() : OptionalDouble.of(imbalanceRatio);
    }

    /** {@code thresholds.duplicate-box-iou}. */
    public OptionalDouble duplicateBoxIou() {
        return duplicateBoxIou == null ? OptionalDouble.empty() : OptionalDouble.of(duplicateBoxIou);
    }

    /** {@code max-findings}. */
    public OptionalInt maxFindings() {
        return maxFindings == null ? OptionalInt.empty() : OptionalInt.of(maxFindings);
    }

    /** {@code fail-on}. */
    public Optional<Severity> failOn() {
        return Optional.ofNullable(failOn);
    }

    /** {@code images.root}, resolved against the file's folder. */
    public Optional<Path> imagesRoot() {
        return Optional.ofNullable(imagesRoot);
    }

    /** {@code images.datastore-roots}, resolved against the file's folder. */
    public Map<String, Path> datastoreRoots() {
        return datastoreRoots;
    }

    /** {@code images.decode}; false when not given. */
    public boolean decode() {
        return decode;
    }

    /** {@code threads}. */
    public OptionalInt threads() {
        return threads == null ? OptionalInt.empty() : OptionalInt.of(threads);
    }
}
