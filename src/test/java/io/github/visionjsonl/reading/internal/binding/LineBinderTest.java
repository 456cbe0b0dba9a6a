package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.visionjsonl.DatasetValidator;
import io.github.visionjsonl.reading.internal.FindingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reader reports about a line is kept only when its verdict stands. */
class LineBinderTest {

    private final List<String> findings = new ArrayList<>();
    private final FindingSink sink = (rule, suggested, pointer, column, key, params) ->
            findings.add(rule.code() + " " + pointer + " " + column);
    private final LineBinder binder = new LineBinder(LineBinder.lineFactory(DatasetValidator.DEFAULT_MAX_LINE_LENGTH), true);

    private boolean bind(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return binder.bind(new InputLine().of(1, b, 0, b.length), sink);
    }

    @Test
    void aPlainLineIsBoundWithoutAParserAndKeepsItsFindings() throws IOException {
        assertThat(bind("{\"image_url\": \"a.jpg\", \"score\": 0.5, \"label\": \"cat\"}")).isTrue();
        assertThat(binder.boundPlain()).isTrue();
        assertThat(binder.linesPlain()).isEqualTo(1);
        assertThat(findings).containsExactly("unknown-field /score 24");
        assertThat(binder.bound().shape()).isEqualTo(LabelShape.CLASS_NAME);
    }

    @Test
    void whatThePlainReaderReportedBeforeGivingUpIsNotKeptTwice() throws IOException {
        // The plain reader reports the unknown key, then gives up at the second label.
        assertThat(bind("{\"image_url\": \"a.jpg\", \"score\": 0.5, \"label\": \"cat\", \"label\": \"dog\"}")).isTrue();
        assertThat(binder.boundPlain()).isFalse();
        assertThat(binder.linesPlain()).isZero();
        assertThat(findings).containsExactly("unknown-field /score 24", "duplicate-key /label 54");
    }

    @Test
    void aLineWithALoneSurrogateKeyKeepsOnlyTheFindingsOfItsSecondReading() throws IOException {
        // Jackson refuses the key after reporting "x"; the line is read again with the key replaced.
        assertThat(bind("{\"image_url\": \"a.jpg\", \"label\": \"cat\", \"x\": 1, \"\\udc00\": 2}")).isTrue();
        assertThat(findings).containsExactly("unknown-field /x 40", "unknown-field /\udc00 48");
    }

    @Test
    void whatTheParserFoundBeforeASyntaxErrorIsKept() throws IOException {
        assertThatThrownBy(() -> bind("{\"image_url\": \"a.jpg\", \"x\": 1, \"label\": \"cat\" ]"))
                .isInstanceOf(IOException.class);
        assertThat(findings).containsExactly("unknown-field /x 24");
        findings.clear();
        // nothing of the failed line is left to the next one
        assertThat(bind("{\"image_url\": \"a.jpg\", \"label\": \"cat\"}")).isTrue();
        assertThat(findings).isEmpty();
    }
}
