package io.github.visionjsonl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.model.BoundingBox;
import io.github.visionjsonl.model.Box;
import io.github.visionjsonl.model.DetectionRecord;
import io.github.visionjsonl.model.ImageDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constraints in users' own beans, validated by a plain Hibernate Validator set up the
 * default way (with Expression Language): messages come from vision-jsonl's bundle, rule codes
 * from the payload.
 */
class EmbeddingTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void factory() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** A user's own box type. */
    @NormalizedBox
    record Crop(double topX, double topY, double bottomX, double bottomY) implements Box {
    }

    /** A user's own bean holding vision-jsonl types and constraints. */
    record Job(
            @ImageUrl String source,
            @ImageFormat String format,
            @PixelSize Integer width,
            List<@ClassName String> classes,
            @Valid Crop crop,
            @NormalizedPolygon double[][] mask,
            @Valid DetectionRecord record) {
    }

    private static RuleCode rule(ConstraintViolation<?> v) {
        HibernateConstraintViolation<?> h = v.unwrap(HibernateConstraintViolation.class);
        return h.getDynamicPayload(RuleViolation.class).rule();
    }

    private static final DetectionRecord GOOD_RECORD = new DetectionRecord("AmlDatastore://ds/a.jpg", ImageDetails.NONE,
            List.of(new BoundingBox("can", 0.1, 0.1, 0.5, 0.5, false)));

    @Test
    void cleanBeanHasNoViolation() {
        Job job = new Job("AmlDatastore://ds/a.jpg", "jpg", 640, List.of("can"), new Crop(0.1, 0.1, 0.9, 0.9),
                new double[][] {{0.1, 0.1, 0.5, 0.1, 0.3, 0.6}}, GOOD_RECORD);
        assertThat(validator.validate(job)).isEmpty();
    }

    @Test
    void everyConstraintWorksOnItsOwn() {
        DetectionRecord badRecord = new DetectionRecord("https://x/a.jpg", ImageDetails.NONE,
                List.of(new BoundingBox("can", 0.9, 0.1, 0.5, 0.5, false)));
        Job job = new Job("", ".png", 0, List.of("ok", " padded"), new Crop(120, 0.1, 300, 0.9),
                new double[][] {{0.1, 0.1, 0.5}}, badRecord);
        Set<ConstraintViolation<Job>> violations = validator.validate(job);
        assertThat(violations).extracting(EmbeddingTest::rule).containsExactlyInAnyOrder(
                RuleCode.IMAGE_URL_EMPTY, RuleCode.IMAGE_FORMAT, RuleCode.IMAGE_SIZE, RuleCode.LABEL_WHITESPACE,
                RuleCode.COORDINATE_RANGE, RuleCode.COORDINATE_RANGE, RuleCode.POLYGON_ODD,
                RuleCode.IMAGE_URL_NOT_DATASTORE, RuleCode.BOX_INVERTED);
        assertThat(violations).extracting(ConstraintViolation::getMessage).contains(
                "topX must be in [0, 1], was 120.0: pixel coordinates? divide by the image width; the runtime drops the box",
                "image_details.format must be one of jpg, png, ..., was \".png\": write \"png\" without the dot",
                "class name \" padded\" has surrounding white space; it is a different class from \"padded\"");
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .contains("crop", "record.boxes[0]", "classes[1].<list element>");
    }
}
