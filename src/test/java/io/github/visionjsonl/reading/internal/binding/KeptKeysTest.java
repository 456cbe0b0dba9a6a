package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.visionjsonl.reading.internal.FindingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Jackson keeps the keys its parsers meet in their factory's table; hostile lines of distinct
 * long keys must not make that table grow without bound (100,000 lines of distinct 900-character
 * keys ran out of a 32 MB heap; they now pass in it): the binder tells when to start a new
 * factory, and keys are not interned where no run can free them.
 */
class KeptKeysTest {

    private static final JsonFactory FACTORY = LineBinder.lineFactory(1 << 20);
    private static final FindingSink IGNORED = (rule, suggested, pointer, column, key, params) -> { };

    /** A token reader that counts its keys in {@code keys}. */
    private static TokenReader reader(KeptKeys keys) {
        return new TokenReader(new BoundLine(), new NameCache(), keys);
    }

    private static void bind(TokenReader reader, String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = FACTORY.createParser(b)) {
            reader.bind(p, IGNORED, true, b, 0, b.length);
        }
    }

    @Test
    void manyDistinctLongKeysStopTheKeepingOfKeys() throws IOException {
        KeptKeys usualKeys = new KeptKeys();
        TokenReader usual = reader(usualKeys);
        for (int i = 0; i < 5000; i++) {
            // the same extras on every line, as datasets have them, and short distinct ones
            bind(usual, "{\"image_url\": \"a.jpg\", \"label\": \"c\\u0061t\", \"label_confidence_score\": 0.5,"
                    + " \"meta\": {\"annotator_identifier\": " + i + ", \"k" + i + "\": 1}}");
        }
        assertThat(usualKeys.overflowed()).isFalse();
        KeptKeys hostileKeys = new KeptKeys();
        TokenReader hostile = reader(hostileKeys);
        String longKey = "k".repeat(900);
        int i = 0;
        while (!hostileKeys.overflowed()) {
            bind(hostile, "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"" + longKey + i + "\": {\"" + longKey + "\": 1}}");
            i++;
        }
        assertThat(i).isBetween(10, 20);
        hostileKeys.forget();
        assertThat(hostileKeys.overflowed()).isFalse();
        // one key longer than the budget is enough
        bind(hostile, "{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"" + "k".repeat(20_000) + "\": 1}");
        assertThat(hostileKeys.overflowed()).isTrue();
    }

    @Test
    void keysAreNotInternedWhereNoRunCanFreeThem() {
        assertThat(FACTORY.isEnabled(JsonFactory.Feature.INTERN_FIELD_NAMES)).isFalse();
        assertThat(FACTORY.streamReadConstraints().getMaxNameLength()).isEqualTo(1 << 20);
    }
}
