package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.report.Finding;
import io.github.visionjsonl.report.ValidationReport;
import io.github.visionjsonl.rules.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Datastore URIs across the lines of a file: one datastore, one workspace; no absolute paths. */
class DatastoreUrlsTest {

    private static ValidationReport validate(DatasetValidator v, String... urls) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String url : urls) {
            b.append("{\"image_url\": \"").append(url).append("\", \"label\": \"can\"}\n");
        }
        return v.validate(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), "d.jsonl");
    }

    private static final String WS_A = "azureml://subscriptions/s/resourcegroups/rg/workspaces/a/datastores/ds/paths/";
    private static final String WS_B = "azureml://subscriptions/s/resourcegroups/rg/workspaces/b/datastores/ds/paths/";

    @Test
    void theFirstLineOfEachOtherDatastoreIsReportedNamingTheFirst() throws IOException {
        ValidationReport r = validate(DatasetValidator.create(), "AmlDatastore://ds/1.jpg", "AmlDatastore://other/2.jpg",
                "azureml://datastores/other/paths/3.jpg", "AmlDatastore://ds/4.jpg", "azureml://datastores/third/paths/5.jpg");
        assertThat(r.findings(RuleCode.MIXED_DATASTORES)).extracting(Finding::line, Finding::pointer).containsExactly(
                Tuple.tuple(2L, "/image_url"), Tuple.tuple(5L, "/image_url"));
        assertThat(r.findings(RuleCode.MIXED_DATASTORES).get(0).message())
                .contains("datastore \"other\"", "line 1 points into \"ds\"");
        assertThat(r.findings(RuleCode.MIXED_DATASTORES).get(1).column()).isEqualTo(15);
        // The two mixed-datastores, and single-class: five images of one class.
        assertThat(r.warnings()).isEqualTo(3);
    }

    @Test
    void workspacesAreComparedInTheLongForm() throws IOException {
        ValidationReport r = validate(DatasetValidator.create(), WS_A + "1.jpg", "AmlDatastore://ds/2.jpg", WS_A + "3.jpg",
                WS_B + "4.jpg", WS_B + "5.jpg");
        assertThat(r.findings(RuleCode.MIXED_DATASTORES)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).contains("workspace \"subscriptions/s/resourcegroups/rg/workspaces/b\"", "line 1");
        });
    }

    @Test
    void theSameOnAnyCountOfThreadsAndOffWhenTurnedOff() throws IOException {
        String[] urls = new String[4000];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = (i % 1000 == 999 ? "AmlDatastore://ds" + i + "/" : "AmlDatastore://ds/") + i + ".jpg";
        }
        ValidationReport one = validate(DatasetValidator.create(), urls);
        ValidationReport four = validate(DatasetValidator.builder().threads(4).build(), urls);
        assertThat(one.findings(RuleCode.MIXED_DATASTORES)).extracting(Finding::line).containsExactly(1000L, 2000L, 3000L, 4000L);
        assertThat(four.findings(RuleCode.MIXED_DATASTORES)).isEqualTo(one.findings(RuleCode.MIXED_DATASTORES));
        assertThat(validate(DatasetValidator.builder().disable(RuleCode.MIXED_DATASTORES).build(), urls)
                .findings(RuleCode.MIXED_DATASTORES)).isEmpty();
    }

    @Test
    void aPathStartingWithASlashIsMalformed() throws IOException {
        ValidationReport r = validate(DatasetValidator.create(), "azureml://datastores/ds/paths//images/a.jpg",
                WS_A + "/b.jpg", "azureml://datastores/ds/paths/c.jpg", "azureml://datastores/ds/paths///");
        assertThat(r.findings(RuleCode.IMAGE_URL_MALFORMED)).extracting(Finding::line).containsExactly(1L, 2L, 4L);
        assertThat(r.findings(RuleCode.IMAGE_URL_MALFORMED).get(0).message())
                .contains("has a path starting with \"/\"", "write paths/images/a.jpg");
        assertThat(r.findings(RuleCode.IMAGE_URL_MALFORMED).get(2).message()).contains("must be azureml://datastores/");
    }
}
