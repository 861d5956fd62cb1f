package com.campaignmanager.local.bench;

import com.campaignmanager.shared.audience.ContactInput;
import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.CampaignStatus;
import com.campaignmanager.shared.campaigns.DeliveryLedger;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.ProviderCalls;
import com.campaignmanager.shared.campaigns.RoundLauncher;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.RoundStatus;
import com.campaignmanager.shared.campaigns.SendSettings;
import com.campaignmanager.shared.campaigns.SenderDomains;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.notifications.NotificationChannels;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code campaign-local.jar bench-send [--recipients N]}: a round to N recipients (default 100,000) sent through
 * the outbox provider by the launch job's code, on the local Data API; a round a tenth of the size is sent first,
 * to show whether memory grows with the round. With {@code --provider mailjet}: one round through
 * {@code MailjetProvider} against a local Mailjet stand-in that answers each call after {@code --latency-ms}.
 * With {@code --segment}: {@link SegmentBenchmark}.
 */
public final class SendBenchmark {
    static final String SECTION = "send";

    private SendBenchmark() {
    }

    record Measured(int recipients, long millis, long calls, long peakHeapMb, long retainedMb) {
    }

    public static int run(String[] args) throws Exception {
        if (List.of(args).contains("--segment")) {
            return SegmentBenchmark.run(List.of(args).stream().filter(a -> !a.equals("--segment"))
                    .toArray(String[]::new));
        }
        List<String> given = List.of(args);
        int flag = given.indexOf("--provider");
        if (flag >= 0 && flag + 1 < args.length && args[flag + 1].equals("mailjet")) {
            Optional<MailjetOptions> mailjet = MailjetOptions.parse(args);
            return mailjet.isPresent() ? runMailjet(mailjet.get()) : 2;
        }
        if (flag >= 0 && flag + 1 < args.length && args[flag + 1].equals("outbox")) {
            List<String> rest = new ArrayList<>(given);
            rest.subList(flag, flag + 2).clear();
            args = rest.toArray(String[]::new);
        }
        Optional<SizeOptions> options = SizeOptions.parse(args, "bench-send", "--recipients", 100_000);
        if (options.isEmpty()) {
            return 2;
        }
        int recipients = options.get().size();
        Path out = options.get().out();
        try (BenchDatabase bench = BenchDatabase.start()) {
            Database database = bench.database();
            ObjectMapper json = JsonMapper.create();
            var provider = EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "outbox")), database);
            RoundLauncher launcher = new RoundLauncher(database, provider,
                    new UnsubscribeTokens("bench-unsubscribe-signing-key-not-for-production"),
                    new AuditTrail(json), new Preflight(new RoundRepository(json), new CampaignRepository(), provider, json,
                            SenderDomains.ANY),
                    json, new Notifications(json, NotificationChannels.from(Environment.of(Map.of()))),
                    new PublicApiUrl("http://127.0.0.1:3000"), new DeliveryLedger(),
                    new ProviderCalls(provider, SendSettings.from(Environment.of(Map.of()))));
            Measured small = sendRound(database, json, launcher, Math.max(1, recipients / 10), "small");
            Measured large = sendRound(database, json, launcher, recipients, "large");
            BenchmarkDoc.publish(out, SECTION, report(small, large));
        }
        return 0;
    }

    private static Measured sendRound(Database database, ObjectMapper json, RoundLauncher launcher, int recipients,
                                      String tag) {
        dueRound(database, json, recipients, tag);
        System.gc();
        long usedBefore = usedHeap();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long calls = database.calls();
        long started = System.nanoTime();
        RoundLauncher.LaunchReport report = launcher.launchDue(() -> true);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        if (report.messagesSent() != recipients) {
            throw new IllegalStateException("sent " + report.messagesSent() + " of " + recipients);
        }
        long sendCalls = database.calls() - calls;
        System.gc();
        long retained = Math.max(0, usedHeap() - usedBefore);
        return new Measured(recipients, millis, sendCalls, peak / (1024 * 1024), retained / (1024 * 1024));
    }

    /** A list of {@code recipients} contacts and an approved round to it, due by the database's clock. */
    private static void dueRound(Database database, ObjectMapper json, int recipients, String tag) {
        ContactRepository contacts = new ContactRepository(json, new AuditTrail(json));
        ContactList list = new ListRepository().create(database, "Send benchmark " + tag, "");
        List<ContactInput> people = new ArrayList<>(recipients);
        for (int i = 0; i < recipients; i++) {
            people.add(new ContactInput(EmailAddress.parse(tag + i + "@example" + (i % 97) + ".com"), "First" + i,
                    "Last" + i, Map.of("plan", i % 3 == 0 ? "pro" : "free")));
        }
        contacts.addToList(database, list.id(), people, "benchmark");
        people.clear();

        CampaignRepository campaigns = new CampaignRepository();
        RoundRepository rounds = new RoundRepository(json);
        Campaign campaign = campaigns.create(database, new Campaign(null, "Benchmark " + tag, "", "news@example.com",
                "News", null, "UTC", CampaignStatus.ACTIVE, "benchmark", null, null));
        UUID roundId = rounds.create(database, campaign.id(), new RoundRepository.Content("Round", "Hello {{firstName}}",
                "<p>Hello {{firstName}} {{lastName}}, your plan: {{attributes.plan}}</p><p>{{unsubscribeUrl}}</p>",
                "Hello {{firstName}}", Instant.now().minusSeconds(60), null), List.of(list.id()), "benchmark");
        rounds.transition(database, roundId, RoundStatus.DRAFT, RoundStatus.PENDING_APPROVAL, "benchmark", null);
        // Scheduled a minute ago (the repository, unlike the workflow, takes a past time): due at once.
        rounds.transition(database, roundId, RoundStatus.PENDING_APPROVAL, RoundStatus.SCHEDULED, "approver", null);
    }

    /**
     * {@code bench-send --provider mailjet [--recipients N] [--latency-ms 250] [--out FILE|-]}; {@code --provider
     * outbox} (or no {@code --provider}) is the outbox benchmark above.
     */
    record MailjetOptions(int recipients, int latencyMs, List<Integer> concurrency, Path out) {
        static final String USAGE = "usage: bench-send [--provider outbox|mailjet] [--recipients N] "
                + "[--latency-ms 250 (mailjet)] [--concurrency 8[,16...] (mailjet: SEND_CONCURRENCY, a round each)] "
                + "[--out FILE|-]";

        /** Empty, after printing the usage line, when {@code args} are not this benchmark's options. */
        static Optional<MailjetOptions> parse(String[] args) {
            int recipients = 100_000;
            int latencyMs = 250;
            Path out = Path.of("docs/benchmarks.md");
            List<Integer> concurrency = List.of(8);
            if (args.length % 2 != 0) {
                System.err.println(USAGE);
                return Optional.empty();
            }
            try {
                for (int i = 0; i < args.length; i += 2) {
                    switch (args[i]) {
                        case "--provider" -> {
                            // Only mailjet comes here.
                        }
                        case "--recipients" -> recipients = Integer.parseInt(args[i + 1]);
                        case "--latency-ms" -> latencyMs = Integer.parseInt(args[i + 1]);
                        case "--concurrency" -> concurrency = Arrays.stream(args[i + 1].split(","))
                                .map(String::strip).map(Integer::valueOf).toList();
                        case "--out" -> out = Path.of(args[i + 1]);
                        default -> {
                            System.err.println(USAGE);
                            return Optional.empty();
                        }
                    }
                }
            } catch (NumberFormatException e) {
                System.err.println(USAGE);
                return Optional.empty();
            }
            if (recipients < 1 || latencyMs < 0 || concurrency.isEmpty()) {
                System.err.println(USAGE);
                return Optional.empty();
            }
            return Optional.of(new MailjetOptions(recipients, latencyMs, concurrency, out));
        }
    }

    record MailjetMeasured(int concurrency, int recipients, long millis, int providerCalls, int maxInFlight,
                           long dataApiCalls, String load) {
        double perSecond() {
            return recipients * 1000.0 / Math.max(1, millis);
        }
    }

    static final String MAILJET_SECTION = "send-mailjet";

    private static int runMailjet(MailjetOptions options) throws Exception {
        int most = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        try (BenchDatabase bench = BenchDatabase.start();
             MailjetStandIn mailjet = new MailjetStandIn(options.latencyMs(), most)) {
            Database database = bench.database();
            ObjectMapper json = JsonMapper.create();
            Environment env = Environment.of(Map.of("EMAIL_PROVIDER", "mailjet", "MAILJET_API_KEY", "bench",
                    "MAILJET_API_SECRET", "bench", "MAILJET_API_URL", mailjet.baseUrl()));
            var provider = EmailModule.create(env, database);
            List<MailjetMeasured> rows = new ArrayList<>();
            for (int concurrency : options.concurrency()) {
                // The settings' own parser: a value SEND_CONCURRENCY would refuse is refused here too.
                SendSettings settings = SendSettings.from(Environment.of(Map.of(SendSettings.CONCURRENCY,
                        String.valueOf(concurrency))));
                RoundLauncher launcher = new RoundLauncher(database, provider,
                        new UnsubscribeTokens("bench-unsubscribe-signing-key-not-for-production"),
                        new AuditTrail(json), new Preflight(new RoundRepository(json), new CampaignRepository(),
                                provider, json, SenderDomains.ANY),
                        json, new Notifications(json, NotificationChannels.from(Environment.of(Map.of()))),
                        new PublicApiUrl("http://127.0.0.1:3000"), new DeliveryLedger(),
                        new ProviderCalls(provider, settings));
                dueRound(database, json, options.recipients(), "mailjet" + concurrency + "-");
                mailjet.resetCounts();
                String loadBefore = loadAverage();
                long calls = database.calls();
                long started = System.nanoTime();
                RoundLauncher.LaunchReport report = launcher.launchDue(() -> true);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (report.messagesSent() != options.recipients()) {
                    throw new IllegalStateException("sent " + report.messagesSent() + " of " + options.recipients());
                }
                rows.add(new MailjetMeasured(concurrency, options.recipients(), millis, mailjet.sendCalls(),
                        mailjet.maxInFlight(), database.calls() - calls, loadBefore + " → " + loadAverage()));
                System.out.println(rows.get(rows.size() - 1));
            }
            BenchmarkDoc.publish(options.out(), MAILJET_SECTION, mailjetReport(options, rows));
        }
        return 0;
    }

    private static String mailjetReport(MailjetOptions options, List<MailjetMeasured> rows) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(MAILJET_SECTION)).append('\n');
        md.append("## Sending a round through Mailjet (a stand-in with real latency)\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %s. One round sent by the launch job's code "
                + "(`RoundLauncher` + `MailjetProvider`, calls of 50 messages) on the local Data API, against a "
                + "local Mailjet stand-in (WireMock) that answers each send call after %d ms. Rerun: "
                + "`java -jar local/target/campaign-local.jar bench-send --provider mailjet --recipients %d "
                + "--latency-ms %d --concurrency %s`.%n%n", LocalDate.now(), BenchmarkDoc.machine(),
                options.latencyMs(), options.recipients(), options.latencyMs(),
                options.concurrency().stream().map(String::valueOf).collect(Collectors.joining(","))));
        md.append("| SEND_CONCURRENCY | recipients | latency per call | wall | messages per second | provider calls "
                + "| max calls in flight | Data API calls | machine load (1 min, start → end) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (MailjetMeasured m : rows) {
            md.append(String.format(Locale.ROOT, "| %d | %,d | %d ms | %.1f s | %,.0f | %,d | %d | %,d | %s |%n",
                    m.concurrency(), m.recipients(), options.latencyMs(), m.millis() / 1000.0, m.perSecond(),
                    m.providerCalls(), m.maxInFlight(), m.dataApiCalls(), m.load()));
        }
        md.append(String.format(Locale.ROOT, "%nTargets at 250 ms per call: ≥ 1,000 messages per second for one "
                + "round, and 100,000 recipients within one 300 s invocation (280 s: the launcher stops 20 s before "
                + "the end).%n"));
        for (MailjetMeasured m : rows) {
            String rate = m.perSecond() >= 1_000 ? "met" : "**not met**";
            String round = m.recipients() < 100_000 ? "" : "; 100,000 within 280 s: "
                    + (m.millis() * 100_000.0 / m.recipients() <= 280_000 ? "met" : "**not met**");
            md.append(String.format(Locale.ROOT, "- SEND_CONCURRENCY %d: ≥ 1,000 messages per second: %s%s.%n",
                    m.concurrency(), rate, round));
        }
        md.append(BenchmarkDoc.end(MAILJET_SECTION)).append('\n');
        return md.toString();
    }

    /** The machine's 1-minute load average: everything here (Data API, PostgreSQL, stand-in) shares its cores. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String report(Measured small, Measured large) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("## Sending a round\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %s. One round per size sent by the launch job's code "
                + "(`RoundLauncher`) through the outbox provider on the local Data API: claim, ledger, batches of "
                + "500 (render with merge fields and unsubscribe link, store, record results), finish. Rerun: "
                + "`java -jar local/target/campaign-local.jar bench-send --recipients %d`.%n%n",
                LocalDate.now(), BenchmarkDoc.machine(), large.recipients()));
        md.append("| recipients | wall | Data API calls | calls per 1,000 recipients | peak heap (incl. garbage) "
                + "| heap retained after the send |\n|---|---|---|---|---|---|\n");
        for (Measured m : List.of(small, large)) {
            md.append(String.format(Locale.ROOT, "| %,d | %.1f s | %d | %.1f | %d MiB | %d MiB |%n", m.recipients(),
                    m.millis() / 1000.0, m.calls(), m.calls() * 1000.0 / m.recipients(), m.peakHeapMb(),
                    m.retainedMb()));
        }
        double perThousand = large.calls() * 1000.0 / large.recipients();
        md.append(String.format(Locale.ROOT, "%nTarget: ≤ 40 Data API calls per 1,000 recipients: %s. Memory: the "
                + "launcher holds one batch of 500 at a time; what a send leaves on the heap is %d MiB at %,d and %d "
                + "MiB at %,d recipients (peak heap is mostly uncollected garbage of the same JVM, which also runs "
                + "the local Data API).%n", perThousand <= 40 ? "met" : "**not met**", small.retainedMb(),
                small.recipients(), large.retainedMb(), large.recipients()));
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }
}
