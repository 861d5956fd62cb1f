package com.campaignmanager.shared.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderDomainsTest {

    @Test
    void domainsAreTrimmedLowerCasedAndEmptyItemsDropped() {
        assertThat(SenderDomains.from(Environment.of(Map.of("ALLOWED_SENDER_DOMAINS", " News.Example.com, ,"
                + "example.org,NEWS.example.com "))).allowed()).containsExactly("news.example.com", "example.org");
    }

    @Test
    void unsetAllowsAny() {
        assertThat(SenderDomains.from(Environment.of(Map.of())).allowed()).isEmpty();
        assertThat(SenderDomains.from(Environment.of(Map.of("ALLOWED_SENDER_DOMAINS", " , ")))).isEqualTo(
                SenderDomains.ANY);
    }
}
