package io.github.visionjsonl.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.visionjsonl.DatasetValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON report says what the line holds, even what no encoder can write as a character. */
class JsonReportTest {

    private static final String LINE = "{\"image_url\": \"AmlDatastore://d/a.jpg\", \"label\": \"c\\udc00t\","
            + " \"x\\udc00\": 1, \"\\ud83d\\ude00\": 2}\n";

    @Test
    void loneSurrogatesAreEscaped() throws Exception {
        ValidationReport report = DatasetValidator.create().validate(
                new ByteArrayInputStream(LINE.getBytes(StandardCharsets.UTF_8)), "s.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // as the command line writes it: through a writer that encodes UTF-8
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        JsonGenerator g = new JsonFactory().createGenerator(writer);
        JsonReport.write(report, g);
        g.flush();
        for (String json : new String[] {bytes.toString(StandardCharsets.UTF_8), JsonReport.toJson(report)}) {
            // (Jackson cannot read such a key back: it refuses lone surrogates in names)
            assertThat(json).doesNotContain("?").contains("{\"c\\udc00t\":1}", "\"pointer\":\"/x\\udc00\"",
                    "\"pointer\":\"/\\ud83d\\ude00\"");
            JsonNode findings = new ObjectMapper().readTree(json.substring(json.indexOf("\"findings\":") + 11,
                    json.length() - 1));
            assertThat(findings.findValuesAsText("pointer")).contains("/x\udc00", "/\ud83d\ude00");
        }
    }
}
