package com.campaignmanager.shared.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteSearchTest {

    @Test
    void everyQueryWordIsMarkedCaseInsensitivelyAndTheRestEscaped() {
        assertThat(SiteSearch.highlight("Autumn Sale 2026", "autumn sale")).isEqualTo("<mark>Autumn</mark> <mark>Sale</mark> 2026");
        assertThat(SiteSearch.highlight("Q&A <Autumn>", "autumn")).isEqualTo("Q&amp;A &lt;<mark>Autumn</mark>&gt;");
        assertThat(SiteSearch.highlight("anna.autumn@example.com", "ann")).isEqualTo("<mark>ann</mark>a.autumn@example.com");
        // Overlapping words make one mark.
        assertThat(SiteSearch.highlight("newsletter", "news letter")).isEqualTo("<mark>newsletter</mark>");
        assertThat(SiteSearch.highlight("Spring", "autumn")).isEqualTo("Spring");
    }

    @Test
    void typesAreParsedOrTheUnknownOneNamed() {
        assertThat(SiteSearch.parseTypes("campaign, LIST")).containsExactly(SiteSearch.Type.CAMPAIGN, SiteSearch.Type.LIST);
        assertThatThrownBy(() -> SiteSearch.parseTypes("round,people")).hasMessage("people");
    }
}
