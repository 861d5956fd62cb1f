package com.campaignmanager.shared.team;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class TeamRepository {
    private static final SqlStatements SQL = SqlStatements.load(TeamRepository.class, "team.sql");
    private static final String INSERT_MEMBER = SQL.statement("insert-member");
    private static final String FIND_MEMBER = SQL.statement("find-member");
    private static final String LOCK_MEMBER = SQL.statement("lock-member");
    private static final String LOCK_ACTIVE_ADMINS = SQL.statement("lock-active-admins");
    private static final String PAGE_MEMBERS = SQL.statement("page-members");
    private static final String UPDATE_MEMBER = SQL.statement("update-member");
    private static final String MEMBER_SUMMARY = SQL.statement("member-summary");
    private static final TypeReference<Map<String, ChannelChoice>> PREFERENCES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    @Inject
    public TeamRepository(ObjectMapper json) {
        this.json = json;
    }

    public Member create(SqlExecutor sql, String email, String name, String role, String slackUserId,
                         Map<String, ChannelChoice> preferences) {
        return sql.querySingle(INSERT_MEMBER, Params.of("email", email).put("name", name)
                .put("role", role).put("slackUserId", slackUserId)
                .putJson("preferences", write(preferences)), this::map);
    }

    public Optional<Member> find(SqlExecutor sql, UUID memberId) {
        return sql.queryOptional(FIND_MEMBER, Params.of("memberId", memberId), this::map);
    }

    public Optional<Member> lock(SqlExecutor sql, UUID memberId) {
        return sql.queryOptional(LOCK_MEMBER, Params.of("memberId", memberId), this::map);
    }

    /** Locks every active admin and returns how many there are. */
    public int lockActiveAdmins(SqlExecutor sql) {
        return sql.query(LOCK_ACTIVE_ADMINS, Params.of(), r -> r.uuid("id")).size();
    }

    public Page<Member> page(SqlExecutor sql, Boolean active, String role, List<String> after, int limit) {
        Params params = CreatedAtKeyset.bind(Params.of("role", role).put("active", active), after);
        return sql.queryPage(PAGE_MEMBERS, params, limit, this::map,
                m -> CreatedAtKeyset.cursor(m.createdAt(), m.id()));
    }

    public Member update(SqlExecutor sql, Member member) {
        return sql.querySingle(UPDATE_MEMBER, Params.of("memberId", member.id())
                .put("name", member.name()).put("role", member.role()).put("slackUserId", member.slackUserId())
                .putJson("preferences", write(member.preferences())).put("active", member.active()), this::map);
    }

    /** A member's name and unread notifications, for {@code GET /me}. */
    public record Summary(String name, long unreadNotifications) {
    }

    public Summary summary(SqlExecutor sql, UUID memberId) {
        return sql.querySingle(MEMBER_SUMMARY, Params.of("memberId", memberId),
                r -> new Summary(r.string("name"), r.longValue("unread")));
    }

    private String write(Map<String, ChannelChoice> preferences) {
        try {
            return json.writeValueAsString(preferences == null ? Map.of() : preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("preferences are not serialisable", e);
        }
    }

    private Member map(Row r) {
        Map<String, ChannelChoice> preferences;
        try {
            preferences = json.readValue(r.json("preferences"), PREFERENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences are not JSON", e);
        }
        return new Member(r.uuid("id"), r.string("email"), r.string("subject"), r.string("name"), r.string("role"),
                r.string("slack_user_id"), preferences, Boolean.TRUE.equals(r.bool("active")),
                r.instant("created_at"), r.instant("updated_at"));
    }
}
