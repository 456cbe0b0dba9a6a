package io.github.visionjsonl.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.internal.findings.LineResult;
import io.github.visionjsonl.internal.findings.PendingFinding;
import io.github.visionjsonl.internal.settings.ValidatorConfig;
import io.github.visionjsonl.model.ImageRecord;
import io.github.visionjsonl.rules.RuleViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine applies the records' constraints directly ({@link RecordRules}); Hibernate
 * Validator, given the same records, must find the same violations at the same places with the
 * same messages. Records come from generated lines of every task, a third of them broken, and
 * from the invalid samples.
 */
class RecordRulesTest {

    static ValidatorFactory factory;
    static Validator hibernate;

    @BeforeAll
    static void hibernate() {
        factory = Validation.buildDefaultValidatorFactory();
        hibernate = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    record Seen(String rule, String pointer, String message) {
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void hibernateValidatorAgreesWithTheEngine(Task task) throws Exception {
        List<byte[]> lines = new ArrayList<>();
        String generated = new String(DatasetGenerator.builder().task(task).records(1500).invalidRate(0.35).seed(9)
                .build().toBytes(), StandardCharsets.UTF_8);
        generated.lines().forEach(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("samples/invalid"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).lines()
                        .forEach(l -> lines.add(l.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        // records the binder now makes of numbers too large for a double, and of objects without boxes or polygons
        String big = "1" + "0".repeat(400);
        for (String extra : new String[] {
            "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"topX\": " + big + ", \"topY\": -1e400, \"bottomX\": 0.5, \"bottomY\": 1e400}]}",
            "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"polygon\": [[0.1, " + big + ", 0.3, -" + big + ", 0.5, 0.6]]}]}",
            "{\"image_url\": \"a.jpg\", \"label\": [{\"label\": \"b\", \"isCrowd\": 1}, {\"label\": \"c\"}]}",
            "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"meta\": {\"a\": [NaN], \"a\": 1}}",
        }) {
            lines.add(extra.getBytes(StandardCharsets.UTF_8));
        }
        ValidatorConfig config = new ValidatorConfig(null, java.util.Map.of(), java.util.Set.of(), 1000, false,
                DatasetValidator.DEFAULT_MAX_LINE_LENGTH, 5, 50, 0.95, null, 1,
                io.github.visionjsonl.reading.internal.RecordBinder.lineFactory(DatasetValidator.DEFAULT_MAX_LINE_LENGTH));
        LineWork work = new LineWork(config, false);
        int records = 0;
        int withViolations = 0;
        for (byte[] line : lines) {
            LineResult r = work.process(1, line, 0, line.length, -1, false, false);
            if (r.record == null) {
                continue;
            }
            records++;
            List<Seen> engine = new ArrayList<>();
            if (r.recordFindings != null) {
                for (PendingFinding f : r.recordFindings) {
                    // missing-field comes from binding, duplicate-box and tiny-box are dataset rules: not constraints
                    if (!List.of("missing-field", "duplicate-box", "tiny-box").contains(f.rule().code())) {
                        engine.add(new Seen(f.rule().code(), f.pointer(),
                                io.github.visionjsonl.rules.internal.Messages.format(f.messageKey(), f.params())));
                    }
                }
            }
            List<Seen> bean = new ArrayList<>();
            for (ConstraintViolation<ImageRecord> v : hibernate.validate(r.record)) {
                HibernateConstraintViolation<?> h = v.unwrap(HibernateConstraintViolation.class);
                RuleViolation payload = h.getDynamicPayload(RuleViolation.class);
                bean.add(new Seen(payload.rule().code(), pointer(v, payload, r), v.getMessage()));
            }
            if (!bean.isEmpty()) {
                withViolations++;
            }
            assertThat(engine).as(new String(line, StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(bean);
        }
        assertThat(records).isGreaterThan(1000);
        assertThat(withViolations).isGreaterThan(50);
    }

    /** Bean Validation's property path ({@code boxes[0].label}) as the line's JSON pointer. */
    private static String pointer(ConstraintViolation<?> v, RuleViolation payload, LineResult r) {
        StringBuilder b = new StringBuilder();
        boolean afterLabelList = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                b.append('/').append(afterLabelList ? r.jsonIndex(node.getIndex()) : node.getIndex());
            }
            afterLabelList = false;
            String name = node.getName();
            if (name == null || node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            switch (name) {
                case "imageUrl" -> b.append("/image_url");
                case "imageDetails" -> b.append("/image_details");
                case "labels", "boxes", "masks" -> {
                    b.append("/label");
                    afterLabelList = true;
                }
                case "box" -> {
                }
                default -> b.append('/').append(name);
            }
        }
        String relative = payload.relativePointer();
        if (afterLabelList && relative.length() > 1) {
            int end = relative.indexOf('/', 1);
            end = end < 0 ? relative.length() : end;
            relative = "/" + r.jsonIndex(Integer.parseInt(relative.substring(1, end))) + relative.substring(end);
        }
        return b.append(relative).toString();
    }
}
