package com.campaignmanager.shared.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {
    @Test
    void splitsInOrderWithAShorterLastBatch() {
        List<Integer> items = IntStream.range(0, 120).boxed().toList();
        List<List<Integer>> batches = Batches.of(items, 50);
        assertThat(batches).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void exactMultiplesAndEmptyLists() {
        assertThat(Batches.of(IntStream.range(0, 100).boxed().toList(), 50)).hasSize(2);
        assertThat(Batches.of(List.of(), 50)).isEmpty();
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
