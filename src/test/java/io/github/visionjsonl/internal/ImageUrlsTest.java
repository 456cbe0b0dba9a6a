package io.github.visionjsonl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageUrlsTest {

    private static final String SUBSCRIPTION = "azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AmlDatastore://ds/images/a.jpg | AmlDatastore | ds | images/a.jpg",
        "amldatastore://DS/a.jpg | AmlDatastore | DS | a.jpg",
        "azureml://datastores/ds/paths/images/a.jpg | azureml | ds | images/a.jpg",
        SUBSCRIPTION + "datastores/ds/paths/a.jpg | azureml | ds | a.jpg",
        "AZUREML://Datastores/ds/Paths/a.jpg | azureml | ds | a.jpg",
    })
    void theFormTheDatastoreAndThePathComeFromOnePass(String url, String scheme, String datastore, String path) {
        long parts = ImageUrls.parts(url);
        assertThat(parts).isNotNegative();
        assertThat((parts & ImageUrls.AZUREML_FORM) != 0).isEqualTo(scheme.equals("azureml"));
        assertThat(ImageUrls.scheme(url, parts)).isEqualTo(ImageUrls.scheme(url)).isEqualTo(scheme);
        assertThat(ImageUrls.datastorePath(url)).isEqualTo(new ImageUrls.DatastorePath(datastore, path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AmlDatastore://ds | AmlDatastore",
        "AmlDatastore:///a.jpg | AmlDatastore",
        "azureml://datastores/ds/a.jpg | azureml",
        "azureml://subscriptions/s/datastores/ds/paths/a.jpg | azureml",
        "https://example.org/a.jpg | https",
        "images/a.jpg | path",
    })
    void otherUrlsHaveNoPartsAndKeepTheirScheme(String url, String scheme) {
        long parts = ImageUrls.parts(url);
        assertThat(parts).isEqualTo(-1);
        assertThat(ImageUrls.scheme(url, parts)).isEqualTo(scheme);
        assertThat(ImageUrls.isDatastoreUrl(url)).isFalse();
    }

    @Test
    void everyFormOfAnImageHasOneFingerprintWhateverWhiteSpaceSurroundsIt() {
        String[] forms = {
            "AmlDatastore://ds/images/a.jpg",
            "amldatastore://DS/images/a.jpg",
            "azureml://datastores/ds/paths/images/a.jpg",
            SUBSCRIPTION + "datastores/Ds/paths/images/a.jpg",
            "  AmlDatastore://ds/images/a.jpg\t",
        };
        long expected = ImageUrls.fingerprint(forms[0]);
        for (String url : forms) {
            assertThat(ImageUrls.fingerprint(url, ImageUrls.parts(url))).as(url).isEqualTo(expected);
        }
        assertThat(ImageUrls.fingerprint("AmlDatastore://ds/images/A.jpg")).isNotEqualTo(expected);
        assertThat(ImageUrls.fingerprint("AmlDatastore://other/images/a.jpg")).isNotEqualTo(expected);
    }
}
