package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    @Test
    void handsOutOneStringPerNameEvenForHundredsOfNamesThatDifferInOneDigit() {
        NameCache cache = new NameCache();
        String[] first = new String[300];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < first.length; i++) {
                byte[] line = ("[\"class_" + String.format("%03d", i) + "\"]").getBytes(StandardCharsets.US_ASCII);
                String name = cache.get(line, 2, line.length - 2);
                assertThat(name).isEqualTo("class_%03d", i);
                if (round == 0) {
                    first[i] = name;
                } else {
                    assertThat(name).as("round %d, class %d", round, i).isSameAs(first[i]);
                }
            }
        }
    }

    @Test
    void namesTheParserDecodesAreSharedTheSameWay() throws IOException {
        NameCache cache = new NameCache();
        StringBuilder json = new StringBuilder("[");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 300; i++) {
                json.append(json.length() > 1 ? "," : "").append("\"class_\\u00e9").append(String.format("%03d", i)).append('"');
            }
        }
        List<String> names = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json.append(']').toString())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                names.add(cache.get(p));
            }
        }
        assertThat(names).hasSize(600);
        for (int i = 0; i < 300; i++) {
            assertThat(names.get(i)).isEqualTo("class_\u00e9%03d", i).isSameAs(names.get(300 + i));
        }
    }

    @Test
    void longNamesAreReadButNotKept() {
        NameCache cache = new NameCache();
        byte[] name = "x".repeat(65).getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(name, 0, name.length)).isEqualTo("x".repeat(65)).isNotSameAs(cache.get(name, 0, name.length));
    }

    @Test
    void aNameIsOneStringWhereverItStandsInItsArrayAndWhateverFollowsIt() {
        NameCache cache = new NameCache();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int length = 0; length <= 20; length++) {
            String name = letters.substring(0, length);
            // In the middle of a long array, followed by other bytes, and at its very end (too
            // close to read whole words there).
            byte[] middle = ("{\"label\": \"" + name + "\", \"more\": \"zzzzzzzzzzzzzzzzzzzz\"}").getBytes(StandardCharsets.US_ASCII);
            byte[] end = ("[\"" + name).getBytes(StandardCharsets.US_ASCII);
            String first = cache.get(middle, 11, 11 + length);
            assertThat(first).isEqualTo(name);
            assertThat(cache.get(end, 2, end.length)).as("length %d", length).isSameAs(first);
            byte[] other = ("  " + name + "Q\"").getBytes(StandardCharsets.US_ASCII);
            assertThat(cache.get(other, 2, 2 + length)).isSameAs(first);
        }
        for (int length = 0; length <= 20; length++) {
            assertThat(cache.get(letters.getBytes(StandardCharsets.US_ASCII), 0, length)).isEqualTo(letters.substring(0, length));
        }
    }

    @Test
    void namesThatStartAlikeStayApart() {
        NameCache cache = new NameCache();
        List<String> names = List.of("c", "c1", "class_1", "class_10", "class_100", "class_1000", "class_10000000",
                "class_100000000", "class_1000000000", "class_10000000000", "class_1000000000a", "class_100000000a");
        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                byte[] line = ("\"" + name + "\", \"padding to read words\"").getBytes(StandardCharsets.US_ASCII);
                assertThat(cache.get(line, 1, 1 + name.length())).isEqualTo(name);
            }
        }
    }
}
