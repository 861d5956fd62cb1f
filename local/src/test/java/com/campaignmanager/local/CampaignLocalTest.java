package com.campaignmanager.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignLocalTest {

    @Test
    void unknownCommandsAndBadFlagsAreUsageErrors() throws Exception {
        assertThat(CampaignLocal.run(new String[] {"frobnicate"})).isEqualTo(2);
        assertThat(CampaignLocal.run(new String[] {})).isEqualTo(2);
        assertThat(CampaignLocal.run(new String[] {"serve", "--port"})).isEqualTo(2);
        assertThat(CampaignLocal.run(new String[] {"invoke"})).isEqualTo(2);
        assertThat(CampaignLocal.run(new String[] {"help"})).isZero();
    }

    @Test
    void theHelpTellsOfAllowRemote() {
        assertThat(CampaignLocal.USAGE).contains("--host H --allow-remote");
    }
}
