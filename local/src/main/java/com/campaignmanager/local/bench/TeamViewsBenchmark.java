package com.campaignmanager.local.bench;

import com.campaignmanager.shared.campaigns.Approvals;
import com.campaignmanager.shared.campaigns.CampaignTimeline;
import com.campaignmanager.shared.campaigns.Dashboard;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.search.SiteSearch;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code campaign-local.jar bench-team-views [--rows N] [--out FILE|-]}: the dashboard, search, the approvals list
 * and a campaign timeline, measured over a database grown in steps to N contacts (default 100,000; a tenth of
 * that in campaigns, three rounds each, tasks and failed notifications): wall time (median of 5) and Data API
 * calls per request. The calls must not grow with the data.
 */
public final class TeamViewsBenchmark {
    static final String SECTION = "team-views";
    private static final SqlStatements SQL = SqlStatements.load(TeamViewsBenchmark.class, "team-workflow-seed.sql");
    private static final int RUNS = 5;

    private TeamViewsBenchmark() {
    }

    record Measured(long medianMillis, long calls) {
    }

    public static int run(String[] args) throws Exception {
        Optional<SizeOptions> options = SizeOptions.parse(args, "bench-team-views", "--rows", 100_000);
        if (options.isEmpty()) {
            return 2;
        }
        int rows = options.get().size();
        Path out = options.get().out();
        ObjectMapper json = JsonMapper.create();
        Dashboard dashboard = new Dashboard(json);
        Approvals approvals = new Approvals(json);
        CampaignTimeline timeline = new CampaignTimeline(json);
        Map<Integer, Map<String, Measured>> results = new LinkedHashMap<>();
        try (BenchDatabase bench = BenchDatabase.start()) {
            Database database = bench.database();
            SiteSearch search = new SiteSearch(database);
            database.update("INSERT INTO lists (name) VALUES ('Benchmark list')", Params.of());
            int seeded = 0;
            for (int size : sizes(rows)) {
                database.query(SQL.get("seed"), Params.of().put("n", size - seeded), r -> r.longValue("rounds"));
                seeded = size;
                database.update("ANALYZE", Params.of());
                UUID campaign = database.querySingle("SELECT id FROM campaigns ORDER BY created_at LIMIT 1",
                        Params.of(), r -> r.uuid("id"));
                Map<String, Measured> measured = new LinkedHashMap<>();
                measured.put("GET /dashboard", measure(database, () -> dashboard.build(database)));
                measured.put("GET /search?q=autumn", measure(database, () -> search.search(database, "autumn",
                        EnumSet.allOf(SiteSearch.Type.class), 0, 50)));
                measured.put("GET /search?q=reader-42 (contacts)", measure(database, () -> search.search(database,
                        "reader-42", EnumSet.of(SiteSearch.Type.CONTACT), 0, 50)));
                measured.put("GET /approvals", measure(database, () -> approvals.page(database, false, null, 50)));
                measured.put("GET /campaigns/{id}/timeline", measure(database,
                        () -> timeline.page(database, campaign, ZoneId.of("Europe/Paris"), null, 50)));
                results.put(size, measured);
                System.err.printf(Locale.ROOT, "%,d contacts: %s%n", size, measured);
            }
        }
        BenchmarkDoc.publish(out, SECTION, report(rows, results));
        return 0;
    }

    private static List<Integer> sizes(int rows) {
        List<Integer> sizes = new ArrayList<>(Arrays.asList(Math.min(100, rows), Math.max(rows / 10, 1), rows));
        return sizes.stream().distinct().sorted().toList();
    }

    private static Measured measure(Database database, Runnable request) {
        request.run();
        long[] millis = new long[RUNS];
        long calls = 0;
        for (int i = 0; i < RUNS; i++) {
            long before = database.calls();
            long started = System.nanoTime();
            request.run();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            calls = database.calls() - before;
        }
        Arrays.sort(millis);
        return new Measured(millis[RUNS / 2], calls);
    }

    private static String report(int rows, Map<Integer, Map<String, Measured>> results) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("## Team views: dashboard, search, approvals, timeline\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %s, through the local Data API on embedded PostgreSQL, "
                        + "what the routes run after the caller is matched to the team (one more call each). The "
                        + "database grows in steps to %,d contacts, with a tenth of that in campaigns (three rounds "
                        + "each), overdue tasks and failed notifications. Median of %d requests. Rerun: "
                        + "`java -jar local/target/campaign-local.jar bench-team-views --rows %d`.%n%n",
                LocalDate.now(), BenchmarkDoc.machine(), rows, RUNS, rows));
        List<Integer> sizes = new ArrayList<>(results.keySet());
        md.append("| request |");
        sizes.forEach(size -> md.append(String.format(Locale.ROOT, " %,d contacts |", size)));
        md.append("\n|---|");
        sizes.forEach(size -> md.append("---|"));
        md.append('\n');
        boolean constant = true;
        for (String request : results.get(sizes.get(0)).keySet()) {
            md.append("| `").append(request).append("` |");
            long firstCalls = results.get(sizes.get(0)).get(request).calls();
            for (int size : sizes) {
                Measured m = results.get(size).get(request);
                constant &= m.calls() == firstCalls;
                md.append(String.format(Locale.ROOT, " %d ms, %d call%s |", m.medianMillis(), m.calls(),
                        m.calls() == 1 ? "" : "s"));
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nData API calls independent of the amount of data: %s.%n",
                constant ? "yes" : "**no**"));
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }
}
