package com.campaignmanager.shared.search;

import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.LikeText;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.PageRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Search across campaigns, rounds, lists and contacts in one ranked list (PostgreSQL full text plus pg_trgm), with
 * the matched words marked in an HTML-safe {@code highlight}. Every member finds campaigns, rounds and lists;
 * contacts (personal data) only those {@link Caller#maySeePersonalData()} allows. What the caller may not see is
 * named in {@code omittedTypes} rather than silently missing.
 */
@Singleton
public final class SiteSearch {
    private static final SqlStatements SQL = SqlStatements.load(SiteSearch.class, "search.sql");
    private static final String SEARCH = SQL.statement("search");

    public enum Type {
        CAMPAIGN, ROUND, LIST, CONTACT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Hit(String type, UUID id, String title, String highlight, String detail, UUID campaignId,
                      double score) {
    }

    /** A page of hits; {@code more} when another page follows. */
    public record Hits(List<Hit> items, boolean more) {
    }

    /** What a caller asked for: {@code types} a comma-separated list of type names, null for all of them. */
    public record Query(String q, String types) {
    }

    /** A page of what the caller may see, and the types left out because they may not. */
    public record Results(String q, List<Hit> items, List<String> omittedTypes, String nextCursor) {
    }

    /** Ranked results are paged by position; deeper than this, refine the query. */
    public static final int MAX_OFFSET = 1_000;

    private final Database database;

    @Inject
    public SiteSearch(Database database) {
        this.database = database;
    }

    public Results find(Acting acting, Query query, PageRequest page) {
        Caller caller = acting.caller();
        caller.requireReader();
        String q = query.q();
        if (q == null) {
            throw ApiProblem.invalid("q", "is required");
        }
        if (q.length() > 200) {
            throw ApiProblem.invalid("q", "must be at most 200 characters");
        }
        Set<Type> types = EnumSet.allOf(Type.class);
        if (query.types() != null) {
            try {
                types = EnumSet.copyOf(parseTypes(query.types()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("types",
                        "'" + e.getMessage() + "' is not one of campaign, round, list, contact");
            }
        }
        List<String> omitted = List.of();
        if (types.contains(Type.CONTACT) && !caller.maySeePersonalData()) {
            types.remove(Type.CONTACT);
            omitted = List.of(Type.CONTACT.wireName());
        }
        int offset = 0;
        if (page.cursor() != null) {
            try {
                offset = Integer.parseInt(page.after(1).get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
        Hits hits = types.isEmpty() ? new Hits(List.of(), false) : search(database, q, types, offset, page.limit());
        String next = hits.more() && offset + page.limit() <= MAX_OFFSET
                ? Cursor.encode(String.valueOf(offset + page.limit())) : null;
        return new Results(q, hits.items(), omitted, next);
    }

    public Hits search(SqlExecutor sql, String q, Set<Type> types, int offset, int limit) {
        String prefix = LikeText.escaped(q.toLowerCase(Locale.ROOT));
        List<Hit> rows = sql.query(SEARCH, Params.of("q", q).put("emailPrefix", prefix)
                        .put("campaigns", types.contains(Type.CAMPAIGN)).put("rounds", types.contains(Type.ROUND))
                        .put("lists", types.contains(Type.LIST)).put("contacts", types.contains(Type.CONTACT))
                        .put("limit", limit + 1).put("offset", offset),
                r -> new Hit(r.string("type"), r.uuid("id"), r.string("title"), highlight(r.string("title"), q),
                        r.string("detail"), r.uuid("campaign_id"), r.doubleValue("score")));
        boolean more = rows.size() > limit;
        return new Hits(more ? rows.subList(0, limit) : rows, more);
    }

    /** {@code text} HTML-escaped, with each occurrence of a query word wrapped in {@code <mark>}. */
    static String highlight(String text, String q) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                for (int i = at; i < at + word.length() && i < marked.length; i++) {
                    marked[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                out.append("<mark>");
            }
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
            if (marked[i] && (i == text.length() - 1 || !marked[i + 1])) {
                out.append("</mark>");
            }
        }
        return out.toString();
    }

    public static List<Type> parseTypes(String list) {
        List<Type> types = new ArrayList<>();
        for (String name : list.split(",")) {
            String wire = name.strip().toLowerCase(Locale.ROOT);
            Type type = null;
            for (Type candidate : Type.values()) {
                if (candidate.wireName().equals(wire)) {
                    type = candidate;
                }
            }
            if (type == null) {
                throw new IllegalArgumentException(name.strip());
            }
            types.add(type);
        }
        return types;
    }
}
