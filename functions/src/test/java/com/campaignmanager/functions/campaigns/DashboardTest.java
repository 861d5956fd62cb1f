package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.campaigns.Approvals;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.CampaignTimeline;
import com.campaignmanager.shared.campaigns.Dashboard;
import com.campaignmanager.shared.campaigns.Overview;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.http.CallerDirectory;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /dashboard} over a database of its own: the same number of Data API calls with 10 and with 10,000
 * rows in every section, and each section capped with its total beside it.
 */
@ExtendWith(LocalDataApiExtension.class)
class DashboardTest {
    private static Database database;
    private static final String DASHBOARD = "events/campaigns/dashboard.json";
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;

    @BeforeAll
    static void setUp() {
        database = FunctionDatabase.fresh("dashboard");
        ObjectMapper json = JsonMapper.create();
        Routes.Builder routes = Routes.builder();
        new OverviewRoutes(new Overview(database, new CampaignRepository(), new Approvals(json),
                new CampaignTimeline(json), new Dashboard(json))).addTo(routes);
        RouteDispatcher dispatcher = new RouteDispatcher(routes.build(), json, new Observability(),
                CallerDirectory.tokenOnly());
        api = dispatcher::dispatch;
    }

    /** Adds {@code n} rows to every section the dashboard reads, set-based (a handful of statements). */
    private static void seed(int n) {
        Params count = Params.of().put("n", n);
        database.update("INSERT INTO campaigns (name, from_email, created_by, timezone) "
                + "SELECT 'Seed ' || g, 'news@example.com', 'seed', 'Europe/Paris' FROM generate_series(1, :n) g", count);
        database.update("INSERT INTO rounds (campaign_id, name, subject, html_body, status, scheduled_at, submitted_by,"
                + " submitted_at, created_by) SELECT c.id, 'Upcoming', 's', 'b', 'pending_approval', "
                + "now() + interval '2 days', 'ed@example.com', now() - interval '1 hour', 'seed' "
                + "FROM campaigns c WHERE c.created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM rounds r "
                + "WHERE r.campaign_id = c.id)", Params.of());
        database.update("INSERT INTO rounds (campaign_id, name, subject, html_body, status, scheduled_at, trigger, "
                + "launched_at, completed_at, recipients, sent, created_by) SELECT c.id, 'Sent', 's', 'b', 'sent', "
                + "now() - interval '1 day', 'schedule', now() - interval '1 day', now() - interval '23 hours', 100, "
                + "100, 'seed' FROM campaigns c WHERE c.created_by = 'seed' AND NOT EXISTS (SELECT 1 FROM rounds r "
                + "WHERE r.campaign_id = c.id AND r.status = 'sent')", Params.of());
        database.update("INSERT INTO round_metrics (round_id, recipients, sent, failed, skipped, opens, unique_opens, "
                + "clicks, unique_clicks, bounces, complaints, unsubscribes) SELECT id, 100, 100, 0, 0, 50, 40, 10, 5, "
                + "2, 0, 1 FROM rounds r WHERE status = 'sent' AND NOT EXISTS (SELECT 1 FROM round_metrics m "
                + "WHERE m.round_id = r.id)", Params.of());
        database.update("INSERT INTO lists (name) SELECT 'Seed list ' || gen_random_uuid() "
                + "WHERE NOT EXISTS (SELECT 1 FROM lists)", Params.of());
        database.update("INSERT INTO contacts (email, email_key, email_hash) SELECT e, e, encode(sha256(e::bytea), 'hex') "
                + "FROM (SELECT 'seed-' || gen_random_uuid() || '@example.com' AS e FROM generate_series(1, :n)) x", count);
        database.update("INSERT INTO list_members (list_id, contact_id, source) SELECT (SELECT id FROM lists LIMIT 1), "
                + "c.id, 'seed' FROM contacts c ON CONFLICT DO NOTHING", Params.of());
        database.update("INSERT INTO suppressions (email_hash, email, reason, source) SELECT c.email_hash, c.email, "
                + "'manual', 'seed' FROM contacts c ON CONFLICT DO NOTHING", Params.of());
        database.update("INSERT INTO tasks (campaign_id, title, due_at, created_by) SELECT c.id, 'Overdue', "
                + "now() - interval '1 hour', 'seed' FROM campaigns c WHERE NOT EXISTS (SELECT 1 FROM tasks t "
                + "WHERE t.campaign_id = c.id)", Params.of());
        database.update("INSERT INTO notifications (dedup_key, type, title) SELECT 'seed:' || gen_random_uuid(), "
                + "'round.failed', 'Seed' FROM generate_series(1, :n)", count);
        database.update("INSERT INTO notification_deliveries (notification_id, channel, recipient, status, attempts, "
                + "last_error) SELECT n.id, 'slack', 'channel', 'failed', 6, '500' FROM notifications n "
                + "ON CONFLICT DO NOTHING", Params.of());
    }

    private static long callsFor(String sample) {
        long before = database.calls();
        Response response = ApiCall.from(api, sample).as("v", "viewer").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return database.calls() - before;
    }

    @Test
    void theDashboardCostsTheSameCallsWithTenAndTenThousandRows() {
        seed(10);
        long withTen = callsFor(DASHBOARD);
        JsonNode small = ApiCall.from(api, DASHBOARD).as("v", "viewer").send().json();
        assertThat(small.at("/awaitingApproval/total").asLong()).isEqualTo(10);
        assertThat(small.get("upcomingRounds")).hasSize(10);
        assertThat(small.get("upcomingRounds").get(0).get("approval").asText()).isEqualTo("pending");
        assertThat(small.get("recentSends").get(0).get("openRate").asDouble()).isEqualTo(0.4);
        assertThat(small.at("/audienceGrowth/days")).hasSize(30);
        assertThat(small.at("/audienceGrowth/days/29/date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(small.at("/audienceGrowth/days/29/suppressionsAdded").asLong()).isEqualTo(10);

        seed(9_990);
        long withTenThousand = callsFor(DASHBOARD);
        JsonNode large = ApiCall.from(api, DASHBOARD).as("v", "viewer").send().json();

        assertThat(withTen).isEqualTo(1);
        assertThat(withTenThousand).isEqualTo(withTen);
        assertThat(large.at("/awaitingApproval/total").asLong()).isEqualTo(10_000);
        assertThat(large.at("/awaitingApproval/items")).hasSize(20);
        assertThat(large.get("upcomingRounds")).hasSize(20);
        assertThat(large.get("recentSends")).hasSize(20);
        assertThat(large.at("/overdueTasks/total").asLong()).isEqualTo(10_000);
        assertThat(large.at("/overdueTasks/items")).hasSize(20);
        assertThat(large.at("/failedNotifications/total").asLong()).isEqualTo(10_000);
        assertThat(large.at("/audienceGrowth/contacts").asLong()).isEqualTo(10_000);
        assertThat(large.at("/audienceGrowth/days/29/listMembersAdded").asLong()).isEqualTo(10_000);
        assertThat(ApiCall.to(api, "GET /dashboard").send().status()).isEqualTo(401);
    }
}
