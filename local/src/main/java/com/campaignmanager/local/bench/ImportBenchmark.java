package com.campaignmanager.local.bench;

import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.CsvContacts;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.audience.UpsertSummary;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code campaign-local.jar bench-import [--rows N] [--out FILE|-]}: a CSV of N contacts (default 100,000)
 * imported into a list through the local Data API, exactly as {@code POST /lists/{id}/imports} does it (parse,
 * then the repository), twice: into an empty database, then the same file again.
 */
public final class ImportBenchmark {
    static final String SECTION = "import";

    private ImportBenchmark() {
    }

    public static int run(String[] args) throws Exception {
        Optional<SizeOptions> options = SizeOptions.parse(args, "bench-import", "--rows", 100_000);
        if (options.isEmpty()) {
            return 2;
        }
        int rows = options.get().size();
        Path out = options.get().out();
        String csv = csv(rows);
        try (BenchDatabase bench = BenchDatabase.start()) {
            Database database = bench.database();
            ObjectMapper json = JsonMapper.create();
            ContactRepository contacts = new ContactRepository(json, new AuditTrail(json));
            ContactList list = new ListRepository().create(database, "Benchmark import", "");

            Measured first = measure(database, () -> importCsv(csv, contacts, database, list));
            Measured second = measure(database, () -> importCsv(csv, contacts, database, list));

            BenchmarkDoc.publish(out, SECTION, report(rows, csv.length(), first, second));
        }
        return 0;
    }

    /** What the import route does after reading the body (the route adds one call: the list's existence). */
    private static UpsertSummary importCsv(String csv, ContactRepository contacts, Database database, ContactList list) {
        CsvContacts.Parsed parsed = CsvContacts.parse(csv);
        return contacts.addToList(database, list.id(), parsed.contacts(), "import:benchmark");
    }

    record Measured(long millis, long calls, long peakHeapMb, UpsertSummary summary) {
    }

    private static Measured measure(Database database, java.util.function.Supplier<UpsertSummary> work) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long calls = database.calls();
        long started = System.nanoTime();
        UpsertSummary summary = work.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Measured(millis, database.calls() - calls + 1, peak / (1024 * 1024), summary);
    }

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("email,first_name,last_name,company,plan\n");
        for (int i = 0; i < rows; i++) {
            csv.append("contact").append(i).append("@example").append(i % 97).append(".com,First")
                    .append(i).append(",Last").append(i).append(",Company ").append(i % 1000).append(',')
                    .append(i % 3 == 0 ? "pro" : "free").append('\n');
        }
        return csv.toString();
    }

    private static String report(int rows, int csvChars, Measured first, Measured second) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("## CSV import\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %s. A %,d-row CSV (%.1f MiB, 5 columns) imported into one "
                        + "list through the local Data API on embedded PostgreSQL, as `POST /lists/{listId}/imports` does "
                        + "it. Rerun: `java -jar local/target/campaign-local.jar bench-import --rows %d`.%n%n",
                LocalDate.now(), BenchmarkDoc.machine(), rows, csvChars / (1024.0 * 1024.0), rows));
        md.append("| run | wall | Data API calls | peak heap | added | updated | unchanged |\n|---|---|---|---|---|---|---|\n");
        for (String name : new String[] {"first import", "same file again"}) {
            Measured m = name.startsWith("first") ? first : second;
            md.append(String.format(Locale.ROOT, "| %s | %.1f s | %d | %d MiB | %d | %d | %d |%n", name,
                    m.millis() / 1000.0, m.calls(), m.peakHeapMb(), m.summary().added(), m.summary().updated(),
                    m.summary().unchanged()));
        }
        md.append(String.format(Locale.ROOT, "%nTarget: ≤ 30 s and ≤ 250 Data API calls: %s.%n",
                first.millis() <= 30_000 && first.calls() <= 250 ? "met" : "**not met**"));
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }
}
