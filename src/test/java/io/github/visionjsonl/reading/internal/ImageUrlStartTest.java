package io.github.visionjsonl.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.visionjsonl.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the binder says the image URL's characters are in the line, workers compare bytes. */
class ImageUrlStartTest {

    private static final FindingSink IGNORE = (rule, severity, pointer, column, key, params) -> { };

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"label\": \"cat\"}",
        "{\"label\": \"cat\", \"image_url\":\"azureml://datastores/ds/paths/a.jpg\"}",
        "{\"image_url\": \"AmlDatastore://ds/first.jpg\", \"image_url\": \"AmlDatastore://ds/b.jpg\", \"label\": \"cat\"}",
    })
    void aPlainUrlIsFoundWhereItsCharactersAreOnEitherPath(String text) throws IOException {
        byte[] line = ("  " + text).getBytes(StandardCharsets.US_ASCII);
        RecordBinder binder = new RecordBinder();
        assertThat(binder.bindPlain(line, 2, line.length, IGNORE)).isTrue();
        assertUrlAt(binder, line);
        try (JsonParser p = new JsonFactory().createParser(line, 2, line.length - 2)) {
            assertThat(binder.bind(p, IGNORE, true, line, 2, line.length)).isTrue();
        }
        assertUrlAt(binder, line);
    }

    private static void assertUrlAt(RecordBinder binder, byte[] line) {
        String url = binder.toRecord(Task.IMAGE_CLASSIFICATION).imageUrl();
        int start = binder.imageUrlStart();
        assertThat(start).isPositive();
        assertThat(new String(line, start, url.length(), StandardCharsets.US_ASCII)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"image_url\": \"AmlDatastore:\\/\\/ds\\/a.jpg\", \"label\": \"cat\"}",
        "{\"image_url\": \"AmlDatastore://ds/\\u00e9.jpg\", \"label\": \"cat\"}",
        "{\"label\": \"cat\"}",
        "{\"image_url\": \"AmlDatastore://ds/a.jpg\", \"image_url\": \"AmlDatastore:\\/\\/ds\\/b.jpg\", \"label\": \"cat\"}",
    })
    void aUrlThatIsNotItsBytesHasNoStart(String text) throws IOException {
        RecordBinder binder = new RecordBinder();
        byte[] before = "{\"image_url\": \"AmlDatastore://ds/a.jpg\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(binder.bindPlain(before, 0, before.length, IGNORE)).isTrue();
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        binder.bindPlain(line, 0, line.length, IGNORE);
        try (JsonParser p = new JsonFactory().createParser(line, 0, line.length)) {
            assertThat(binder.bind(p, IGNORE, true, line, 0, line.length)).isTrue();
        }
        assertThat(binder.imageUrlStart()).isEqualTo(-1);
    }
}
