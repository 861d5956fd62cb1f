package com.campaignmanager.shared.audience.segments;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.LikeText;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class SegmentRepository {
    private static final SqlStatements SQL = SqlStatements.load(SegmentRepository.class, "segments.sql");
    private static final String INSERT_SEGMENT = SQL.statement("insert-segment");
    private static final String FIND_SEGMENT = SQL.statement("find-segment");
    private static final String LOCK_SEGMENT = SQL.statement("lock-segment");
    private static final String PAGE_SEGMENTS = SQL.statement("page-segments");
    private static final String UPDATE_SEGMENT = SQL.statement("update-segment");
    private static final String DELETE_SEGMENT = SQL.statement("delete-segment");

    private final ObjectMapper json;

    @Inject
    public SegmentRepository(ObjectMapper json) {
        this.json = json;
    }

    public Segment create(SqlExecutor sql, String name, String description, String conditions, String actor) {
        return sql.querySingle(INSERT_SEGMENT, Params.of("name", name).put("description", description)
                .putJson("conditions", conditions).put("createdBy", actor), this::map);
    }

    public Optional<Segment> find(SqlExecutor sql, UUID segmentId) {
        return sql.queryOptional(FIND_SEGMENT, Params.of("segmentId", segmentId), this::map);
    }

    public Optional<Segment> lock(SqlExecutor sql, UUID segmentId) {
        return sql.queryOptional(LOCK_SEGMENT, Params.of("segmentId", segmentId), this::map);
    }

    /** {@code q}: text the name or description contains (null: any). */
    public Page<Segment> page(SqlExecutor sql, String q, List<String> after, int limit) {
        return sql.queryPage(PAGE_SEGMENTS, CreatedAtKeyset.bind(Params.of("q", LikeText.escaped(q)), after), limit,
                this::map, s -> CreatedAtKeyset.cursor(s.createdAt(), s.id()));
    }

    /** Null fields keep their value; a new version either way. */
    public Segment update(SqlExecutor sql, UUID segmentId, String name, String description, String conditions) {
        return sql.querySingle(UPDATE_SEGMENT, Params.of("segmentId", segmentId).put("name", name)
                .put("description", description).putJson("conditions", conditions), this::map);
    }

    public boolean delete(SqlExecutor sql, UUID segmentId) {
        return sql.update(DELETE_SEGMENT, Params.of("segmentId", segmentId)) == 1;
    }

    private Segment map(Row r) {
        try {
            return new Segment(r.uuid("id"), r.string("name"), r.string("description"),
                    json.readTree(r.json("conditions")), r.intValue("version"), r.string("created_by"),
                    r.instant("created_at"), r.instant("updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment conditions are not JSON", e);
        }
    }
}
