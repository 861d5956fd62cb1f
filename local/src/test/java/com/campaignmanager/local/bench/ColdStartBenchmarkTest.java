package com.campaignmanager.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartBenchmarkTest {
    private static List<ColdStartBenchmark.Run> walls(long... millis) {
        return Arrays.stream(millis).mapToObj(ms -> new ColdStartBenchmark.Run(ms, Map.of())).toList();
    }

    @Test
    void takesTheRatioWithinEachRoundSoThatASlowRoundSlowsBothSides() {
        // Round 3 ran while the machine was busy: both variants took twice as long, and the ratio stayed.
        Map<String, List<ColdStartBenchmark.Run>> results = Map.of(
                "ours", walls(500, 520, 1000, 540, 600),
                "floor", walls(100, 100, 200, 90, 100));

        assertThat(ColdStartBenchmark.perRound(results, "ours", "floor"))
                .isEqualTo("within each round: median 5.20×, middle half 5.00-6.00×");
    }
}
