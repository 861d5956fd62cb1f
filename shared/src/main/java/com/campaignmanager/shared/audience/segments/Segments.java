package com.campaignmanager.shared.audience.segments;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.ConflictException;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Saved segments, for every entry point: every member reads them; editors, approvers and admins write them. Each
 * change is audited. An edit of the conditions reaches the rounds that copy them and have not started sending (an
 * approved one goes back for approval: {@link SegmentUsage}); a segment is not deleted while a round waiting for
 * approval or approved copies it (drafts and finished rounds keep their copy and lose the link).
 */
@Singleton
public final class Segments {
    public static final int MAX_DESCRIPTION = 2000;

    /** A new segment (all but the description required) or an edit (a null field keeps its value). */
    public record SegmentFields(String name, String description, JsonNode conditions) {
        public SegmentFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            if (description != null && description.length() > MAX_DESCRIPTION) {
                throw new InvalidFieldException("description", "is longer than " + MAX_DESCRIPTION + " characters");
            }
            if (conditions != null) {
                if (conditions.isNull()) {
                    throw new InvalidFieldException("conditions", "a segment needs conditions");
                }
                Conditions.parse("conditions", conditions);
            }
            name = name == null ? null : name.strip();
            description = description == null ? null : description.strip();
        }
    }

    private final Database database;
    private final SegmentRepository segments;
    private final SegmentUsage usage;
    private final AuditTrail audit;

    @Inject
    public Segments(Database database, SegmentRepository segments, SegmentUsage usage, AuditTrail audit) {
        this.database = database;
        this.segments = segments;
        this.usage = usage;
        this.audit = audit;
    }

    public Segment create(Acting acting, SegmentFields fields) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        if (fields.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (fields.conditions() == null) {
            throw ApiProblem.invalid("conditions", "is required");
        }
        try {
            return database.inTransaction(tx -> {
                Segment created = segments.create(tx, fields.name(), fields.description() == null ? ""
                        : fields.description(), fields.conditions().toString(), acting.actor());
                audit.record(tx, acting.actor(), "segment.created", "segment", created.id().toString(),
                        AuditTrail.change(acting.requestId(), null, created));
                return created;
            });
        } catch (ConflictException e) {
            throw duplicateName();
        }
    }

    public Page<Segment> page(Acting acting, String q, PageRequest page) {
        acting.caller().requireReader();
        return segments.page(database, q, page.after(2), page.limit());
    }

    public Segment get(Acting acting, UUID segmentId) {
        acting.caller().requireReader();
        return segments.find(database, segmentId).orElseThrow(() -> notFound(segmentId));
    }

    /**
     * Edits the segment; when its conditions change, the rounds that copy them and have not started sending take
     * the new ones, in the same transaction (an approved round goes back for approval, the approvers told).
     */
    /**
     * {@code seenVersion}: the version the editor changed (If-Match); a segment changed since is a 412. Changed
     * conditions reach the rounds that copy them, in the same transaction.
     */
    public Segment update(Acting acting, UUID segmentId, SegmentFields fields, Optional<Integer> seenVersion) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        try {
            return database.inTransaction(tx -> {
                Segment before = segments.lock(tx, segmentId).orElseThrow(() -> notFound(segmentId));
                if (seenVersion.isPresent() && seenVersion.get() != before.version()) {
                    throw ApiProblem.preconditionFailed("the segment changed since you saw it (version "
                            + seenVersion.get() + ", now " + before.version() + ")",
                            Map.of("version", before.version()));
                }
                Segment after = segments.update(tx, segmentId, fields.name(), fields.description(),
                        fields.conditions() == null ? null : fields.conditions().toString());
                audit.record(tx, acting.actor(), "segment.updated", "segment", segmentId.toString(),
                        AuditTrail.change(acting.requestId(), before, after));
                if (!before.conditions().equals(after.conditions())) {
                    usage.segmentChanged(tx, acting, segmentId);
                }
                return after;
            });
        } catch (ConflictException e) {
            throw duplicateName();
        }
    }

    /** Refused (409, naming them) while a round waiting for approval or approved copies the segment. */
    public void delete(Acting acting, UUID segmentId) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        database.inTransaction(tx -> {
            Segment before = segments.lock(tx, segmentId).orElseThrow(() -> notFound(segmentId));
            usage.requireUnused(tx, segmentId);
            segments.delete(tx, segmentId);
            audit.record(tx, acting.actor(), "segment.deleted", "segment", segmentId.toString(),
                    Map.of("requestId", acting.requestId(), "name", before.name()));
            return null;
        });
    }

    private static ApiProblem notFound(UUID segmentId) {
        return ApiProblem.notFound("segment " + segmentId + " does not exist");
    }

    private static ApiProblem duplicateName() {
        return ApiProblem.conflict("name", "a segment with this name already exists");
    }
}
