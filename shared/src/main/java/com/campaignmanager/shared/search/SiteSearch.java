package com.campaignmanager.shared.search;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Search across campaigns, rounds, lists and contacts in one ranked list (PostgreSQL full text plus pg_trgm), with
 * the matched words marked in an HTML-safe {@code highlight}.
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

    @Inject
    public SiteSearch() {
    }

    public Hits search(SqlExecutor sql, String q, Set<Type> types, int offset, int limit) {
        String prefix = q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
