package com.campaignmanager.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassListCommandTest {
    @Test
    void keepsTheClassesEveryFunctionLoadsInTheOrderTheyLoadOnAverage() {
        List<String> health = List.of("a.Shared1", "a.Shared2", "h.HealthOnly", "b.Shared3");
        List<String> campaigns = List.of("a.Shared2", "c.CampaignsOnly", "b.Shared3", "a.Shared1");

        // Shared1: 0 and 3/4, mean 0.375; Shared2: 1/4 and 0, mean 0.125; Shared3: 3/4 and 2/4, mean 0.625.
        assertThat(ClassListCommand.common(List.of(health, campaigns)))
                .containsExactly("a.Shared2", "a.Shared1", "b.Shared3");
    }

    @Test
    void writesALinePerRunOfOnePackageSoThatTheOrderSurvives() {
        String list = ClassListCommand.render("campaign-functions.jar", List.of("a.b.One", "a.b.Two$Inner", "c.Three", "a.b.Four"));

        assertThat(list.lines().filter(l -> !l.startsWith("#")))
                .containsExactly("a.b One Two$Inner", "c Three", "a.b Four");
    }
}
