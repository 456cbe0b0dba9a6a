package io.github.visionjsonl.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.visionjsonl.internal.urls.ImageFormats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageFormatsTest {

    /** The extension by the definition: the last path segment's, before any query or fragment. */
    private static String reference(String url) {
        String path = url.split("[?#]", 2)[0];
        String segment = path.substring(path.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        return dot <= 0 || dot == segment.length() - 1 ? null : segment.substring(dot + 1);
    }

    @Test
    void extensionIsTheLastSegmentsBeforeAQueryOrFragment() {
        List<String> urls = new ArrayList<>();
        String[] paths = {"", "/", "a", "a.jpg", ".jpg", "a.", "a.b.png", "dir.d/a", "dir.d/a.JPEG", "dir/.hidden",
            "x./y", "a..png", "./a", "a/b/c.tif", "é.jpg", "a.jpg/"};
        String[] tails = {"", "?v=1", "?v=1/x.png", "#frag", "#f.png", "?q#f", "#f?q.bmp", "?", "#"};
        for (String path : paths) {
            for (String tail : tails) {
                urls.add(path + tail);
                urls.add("https://host.example/" + path + tail);
                urls.add("AmlDatastore://store/" + path + tail);
            }
        }
        for (String url : urls) {
            assertThat(ImageFormats.extension(url)).as(url).isEqualTo(reference(url));
        }
        assertThat(ImageFormats.extension("https://h/a/b.png")).isEqualTo("png");
        assertThat(ImageFormats.extension("https://h/a.d/b")).isNull();
        assertThat(ImageFormats.extension("https://h/a/.png")).isNull();
        assertThat(ImageFormats.extension(".png")).isNull();
        assertThat(ImageFormats.extension("b.png?x=/c.jpg")).isEqualTo("png");
    }

    @Test
    void familyGroupsTheSpellingsOfAFormat() {
        assertThat(ImageFormats.extensionFamily("s://d/a.JPG")).isEqualTo("jpeg");
        assertThat(ImageFormats.extensionFamily("s://d/a.jfif")).isEqualTo("jpeg");
        assertThat(ImageFormats.extensionFamily("s://d/a.tif?x")).isEqualTo("tiff");
        assertThat(ImageFormats.extensionFamily("s://d/a.png#p")).isEqualTo("png");
        assertThat(ImageFormats.extensionFamily("s://d/a.gif")).isNull();
        assertThat(ImageFormats.extensionFamily("s://d/a")).isEmpty();
        assertThat(ImageFormats.extensionFamily("s://d/.png")).isEmpty();
    }
}
