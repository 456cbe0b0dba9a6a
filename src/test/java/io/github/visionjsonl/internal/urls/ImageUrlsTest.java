package io.github.visionjsonl.internal.urls;

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

    /**
     * A URL read after another takes over what they share (form, datastore, where the path
     * starts, the datastore's part of the fingerprint) and must end with what it has alone,
     * compared on the line's bytes or on the string.
     */
    @Test
    void aUrlReadAfterAnotherHasTheFactsItHasAlone() {
        String[] urls = {
            "AmlDatastore://dsA/images/a.jpg",
            "AmlDatastore://dsB/images/a.jpg",
            "AmlDatastore://dsA/images/b.png",
            "AmlDatastore://dsA/",
            "AmlDatastore://dsA/   ",
            "AmlDatastore://dsA",
            "amldatastore://DSA/images/a.jpg",
            "AmlDatastore://d\u00e9/images/a.jpg",
            "AmlDatastore://d\u00e9/images/b.jpg",
            "AmlDatastore://d?/images/a.jpg",
            "azureml://datastores/dsA/paths/images/a.jpg",
            "azureml://datastores/dsB/paths/images/a.jpg",
            "azureml://datastores/dsA/paths/",
            "azureml://datastores/dsA/paths///",
            "azureml://datastores/dsA/paths//x.jpg",
            "azureml://datastores/dsA/pathsX/a.jpg",
            SUBSCRIPTION + "datastores/dsA/paths/images/a.jpg",
            SUBSCRIPTION + "datastores/dsA/paths/images/b.jpg",
            SUBSCRIPTION + "datastores/dsB/paths/images/a.jpg",
            "https://example.org/a.jpg",
            "",
            "  AmlDatastore://dsA/images/a.jpg ",
        };
        for (boolean fromBytes : new boolean[] {true, false}) {
            for (String earlier : urls) {
                for (String url : urls) {
                    RecentDatastores recent = new RecentDatastores();
                    facts(recent, earlier, fromBytes);
                    String pair = earlier + " then " + url + (fromBytes ? " (bytes)" : "");
                    assertSameFacts(facts(recent, url, fromBytes), url, pair);
                }
            }
            // Several datastores at once: each URL finds its own among the recent ones.
            RecentDatastores recent = new RecentDatastores();
            for (int round = 0; round < 3; round++) {
                for (String url : urls) {
                    assertSameFacts(facts(recent, url, fromBytes), url, url);
                }
            }
        }
    }

    /** A datastore's URLs one after another: the facts handed out again only when they are the same. */
    @Test
    void theNextUrlOfADatastoreHasItsOwnExtensionAndPath() {
        String[] urls = {"a.jpg", "b.png", "c.png", "d.JPEG", "e", "   ", "f", "g.jpg", "h.jpg", "", "i.bmp"};
        for (boolean fromBytes : new boolean[] {true, false}) {
            for (String form : new String[] {"AmlDatastore://dsA/", "azureml://datastores/dsA/paths/"}) {
                RecentDatastores recent = new RecentDatastores();
                for (String path : urls) {
                    assertSameFacts(facts(recent, form + path, fromBytes), form + path, form + path);
                }
            }
        }
    }

    /** The facts of a URL as a worker finds them, from a line where it is the only value. */
    private static UrlFacts facts(RecentDatastores recent, String url, boolean fromBytes) {
        boolean ascii = url.chars().allMatch(c -> c < 0x80);
        byte[] line = ("{\"image_url\": \"" + url + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return recent.facts(url, line, fromBytes && ascii ? 15 : -1);
    }

    private static void assertSameFacts(UrlFacts found, String url, String description) {
        UrlFacts alone = UrlFacts.of(url);
        assertThat(found).as(description).isEqualTo(alone);
        assertThat(found.parts()).as(description).isEqualTo(ImageUrls.parts(url));
        assertThat(ImageUrls.fingerprint(url, found.parts(), found.datastoreHash())).as(description)
                .isEqualTo(ImageUrls.fingerprint(url));
    }
}
