package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.LikeText;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.StoredText;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class CampaignRepository {
    static final SqlStatements SQL = SqlStatements.load(CampaignRepository.class, "campaigns.sql");
    private static final String INSERT_CAMPAIGN = SQL.statement("insert-campaign");
    private static final String FIND_CAMPAIGN = SQL.statement("find-campaign");
    private static final String LOCK_CAMPAIGN = SQL.statement("lock-campaign");
    private static final String PAGE_CAMPAIGNS = SQL.statement("page-campaigns");
    private static final String ARCHIVE_CAMPAIGN = SQL.statement("archive-campaign");
    private static final String UPDATE_CAMPAIGN = SQL.statement("update-campaign");

    @Inject
    public CampaignRepository() {
    }

    public Campaign create(SqlExecutor sql, Campaign campaign) {
        return sql.querySingle(INSERT_CAMPAIGN, Params.of("name", campaign.name())
                .put("description", campaign.description()).put("fromEmail", campaign.fromEmail())
                .put("fromName", campaign.fromName()).put("replyTo", campaign.replyTo())
                .put("timezone", campaign.timezone()).put("createdBy", campaign.createdBy()), CampaignRepository::map);
    }

    public Optional<Campaign> find(SqlExecutor sql, UUID campaignId) {
        return sql.queryOptional(FIND_CAMPAIGN, Params.of("campaignId", campaignId), CampaignRepository::map);
    }

    public Optional<Campaign> lock(SqlExecutor sql, UUID campaignId) {
        return sql.queryOptional(LOCK_CAMPAIGN, Params.of("campaignId", campaignId), CampaignRepository::map);
    }

    public Page<Campaign> page(SqlExecutor sql, CampaignStatus status, String q, List<String> after, int limit) {
        Params params = CreatedAtKeyset.bind(Params.of().put("status", status)
                .put("q", LikeText.escaped(q)), after);
        return sql.queryPage(PAGE_CAMPAIGNS, params, limit, CampaignRepository::map,
                c -> CreatedAtKeyset.cursor(c.createdAt(), c.id()));
    }

    public void archive(SqlExecutor sql, UUID campaignId) {
        sql.update(ARCHIVE_CAMPAIGN, Params.of("campaignId", campaignId));
    }

    public Campaign update(SqlExecutor sql, Campaign campaign) {
        return sql.querySingle(UPDATE_CAMPAIGN, Params.of("campaignId", campaign.id())
                .put("name", campaign.name()).put("description", campaign.description())
                .put("fromEmail", campaign.fromEmail()).put("fromName", campaign.fromName())
                .put("replyTo", campaign.replyTo()).put("timezone", campaign.timezone()), CampaignRepository::map);
    }

    static Campaign map(Row r) {
        return new Campaign(r.uuid("id"), r.string("name"), r.string("description"), r.string("from_email"),
                r.string("from_name"), r.string("reply_to"), r.string("timezone"), StoredText.of(CampaignStatus.class, r.string("status")),
                r.string("created_by"), r.instant("created_at"), r.instant("updated_at"));
    }
}
