package io.github.visionjsonl.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.visionjsonl.Task;
import io.github.visionjsonl.generate.DatasetGenerator;
import io.github.visionjsonl.reading.internal.binding.InputLine;
import io.github.visionjsonl.reading.internal.binding.LineBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte walk of plain lines finds every pointer's column where the parser does.
 *
 * <p>{@code -Dvisionjsonl.fuzz.iterations=N} generates N records of each task but segmentation
 * (N / 5 of it), valid and invalid (default 400; 1500 for a long run).
 */
class PointerLocatorTest {

    private static final int RECORDS = Integer.getInteger("visionjsonl.fuzz.iterations", 400);

    private static final FindingSink IGNORE = (rule, severity, pointer, column, key, params) -> { };
    private static final JsonFactory JSON = new JsonFactory();

    private static final String[] POINTERS = {
        "", "/image_url", "/image_url/x", "/image_details", "/image_details/format", "/image_details/width",
        "/image_details/height", "/image_details/nope", "/label", "/label/0", "/label/1", "/label/3", "/label/7",
        "/label/99", "/label/-1", "/label/-1/0", "/label/x", "/label/+1", "/label/01", "/label/0/label",
        "/label/0/topX", "/label/0/bottomY", "/label/0/isCrowd", "/label/0/nope", "/label/1/polygon",
        "/label/0/polygon/0", "/label/0/polygon/0/3", "/label/0/polygon/1/0", "/label/2/polygon/0/999",
        "/label_confidence", "/label_confidence/0", "/nope", "/a~1b", "/a~0b",
    };

    @Test
    void plainLinesOfEveryTaskAndFaultHaveTheParsersColumns() {
        List<String> lines = new ArrayList<>();
        for (Task task : Task.values()) {
            for (double rate : new double[] {0, 1}) {
                String text = new String(DatasetGenerator.builder().task(task).records(task == Task.IMAGE_INSTANCE_SEGMENTATION ? RECORDS / 5 : RECORDS)
                        .invalidRate(rate).seed(11).build().toBytes(), StandardCharsets.UTF_8);
                lines.addAll(List.of(text.split("\n")));
            }
        }
        lines.addAll(List.of(
                "\t {\"image_url\":\"AmlDatastore://ds/a.jpg\" ,\t\"label\" : [ \"a\" ,\"b\",\"c\" ] } ",
                "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"x\"}",
                "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": [], \"label_confidence\": [1.0, -2, true, null, \"s\"]}",
                "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"image_details\": {}, \"label\": \"[{]}\"}",
                "{\"a/b\": 1, \"a~b\": [2], \"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"x\"}",
                "{\"label_confidence\": [\"]\", \"}{\"], \"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"x\"}"));
        int plain = 0;
        LineBinder binder = new LineBinder(LineBinder.lineFactory(1 << 20), true);
        for (String text : lines) {
            byte[] line = ("  " + text).getBytes(StandardCharsets.UTF_8);
            if (!boundPlain(binder, line)) {
                continue;
            }
            plain++;
            for (String pointer : POINTERS) {
                int fast = PointerLocator.plainColumn(line, 2, line.length - 2, pointer);
                assertThat(fast).as("%s at %s", pointer, text)
                        .isEqualTo(PointerLocator.column(JSON, line, 2, line.length - 2, pointer)).isPositive();
            }
        }
        assertThat(plain).isGreaterThan(RECORDS * 4);
    }

    /** Whether the plain reader binds the line after its first two bytes. */
    private static boolean boundPlain(LineBinder binder, byte[] line) {
        try {
            return binder.bind(new InputLine().of(1, line, 2, line.length - 2), IGNORE) && binder.boundPlain();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void whatTheWalkMeetsOutsidePlainJsonIsLeftToTheParser() {
        for (String text : new String[] {
            "{\"image_url\": \"AmlDatastore:\\/\\/ds\\/a.jpg\", \"label\": \"x\"}",
            "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"lab",
            "{\"image_url\" \"AmlDatastore://ds/a.jpg\", \"label\": \"x\"}",
            "{\"image_url\": \"AmlDatastore://ds/a.jpg\" \"label\": \"x\"}",
            "{\"image_\\u0075rl\": \"AmlDatastore://ds/a.jpg\", \"label\": \"x\"}",
        }) {
            byte[] line = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(PointerLocator.plainColumn(line, 0, line.length, "/label")).as(text).isEqualTo(-1);
        }
    }
}
