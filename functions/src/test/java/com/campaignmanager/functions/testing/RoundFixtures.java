package com.campaignmanager.functions.testing;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rounds arranged through the real routes, as a team would: a list with people on it, a campaign, a round to the
 * list, submitted by {@code ed} and approved by {@code boss}. Each call uses fresh names, so tests share one
 * database without meeting each other's data.
 */
public final class RoundFixtures {
    public static final String FUTURE = "2031-10-03T09:00:00Z";

    private final CampaignsHandler campaigns;
    private final ListsHandler lists;

    public RoundFixtures(CampaignsHandler campaigns, ListsHandler lists) {
        this.campaigns = campaigns;
        this.lists = lists;
    }

    /** A short unique tag for names and addresses. */
    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A list of {@code people} contacts, imported as {@code <n>-<tag>@x.com} (n = one, two, … for up to five). */
    public String list(String tag, int people) {
        String listId = ApiCall.from(lists, "events/lists/create-list.json").as("ed", "editor")
                .json(Map.of("name", "List " + tag)).send().json().get("id").asText();
        List<String> rows = new ArrayList<>(List.of("email"));
        String[] names = {"one", "two", "three", "four", "five"};
        for (int i = 0; i < people; i++) {
            rows.add((i < names.length ? names[i] : "p" + i) + "-" + tag + "@x.com");
        }
        ApiCall.to(lists, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .body("text/csv", String.join("\n", rows) + "\n").send();
        return listId;
    }

    public String campaign(String tag) {
        return ApiCall.from(campaigns, "events/campaigns/create-campaign.json").as("ed", "editor")
                .json(Map.of("name", "Campaign " + tag, "fromEmail", "news@example.com", "replyTo", "team@example.com"))
                .send().json().get("id").asText();
    }

    /** A draft round of {@code campaignId} to {@code listId} at {@link #FUTURE}, its body with the unsubscribe link. */
    public String round(String campaignId, String listId) {
        return ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "R", "subject", "Hi", "textBody", "Hello {{unsubscribeUrl}}",
                        "listIds", List.of(listId), "scheduledAt", FUTURE)).send().json().get("id").asText();
    }

    public ApiCall.Response submit(String roundId, String submitter) {
        return ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", roundId).as(submitter, "editor").send();
    }

    public ApiCall.Response approve(String roundId, String approver) {
        return ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as(approver, "approver").send();
    }

    /** Draft → submitted by ed → approved by boss. */
    public String approvedRound(String campaignId, String listId) {
        String roundId = round(campaignId, listId);
        submit(roundId, "ed");
        approve(roundId, "boss");
        return roundId;
    }
}
