package io.github.visionjsonl.reading.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmutableListsTest {

    @Test
    void copiesEveryLengthInOrderAndKeepsNoLinkToTheScratchList() {
        for (int n = 0; n <= 12; n++) {
            List<String> scratch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                scratch.add("name" + i);
            }
            List<String> copy = ImmutableLists.copyOf(scratch);
            assertThat(copy).as("length %d", n).containsExactlyElementsOf(scratch);
            scratch.clear();
            scratch.add("later");
            assertThat(copy).hasSize(n);
            assertThatThrownBy(() -> copy.add("x")).isInstanceOf(UnsupportedOperationException.class);
            // The records' List.copyOf keeps it as it is: no second copy.
            assertThat(List.copyOf(copy)).isSameAs(copy);
        }
    }

    @Test
    void refusesANullElementLikeListCopyOf() {
        for (int n = 1; n <= 12; n++) {
            List<String> scratch = new ArrayList<>(Arrays.asList(new String[n]));
            assertThatThrownBy(() -> ImmutableLists.copyOf(scratch)).as("length %d", n)
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
