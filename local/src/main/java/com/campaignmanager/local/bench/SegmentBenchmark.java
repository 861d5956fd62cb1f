package com.campaignmanager.local.bench;

import com.campaignmanager.shared.audience.ContactInput;
import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.audience.segments.Segment;
import com.campaignmanager.shared.audience.segments.SegmentRepository;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.CampaignStatus;
import com.campaignmanager.shared.campaigns.DeliveryLedger;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code campaign-local.jar bench-send --segment [--recipients N]}: N contacts (default 100,000) with attributes on
 * one list, and a round to a two-condition saved segment (plan is pro, signed up before 2025-09-01): how long the
 * preview's count and the ledger's write take, in how many Data API calls, against a round to the whole list.
 */
final class SegmentBenchmark {
    static final String SECTION = "send-segment";
    static final String CONDITIONS = "{\"all\": [{\"field\": \"attributes.plan\", \"op\": \"equals\", \"value\": \"pro\"},"
            + " {\"field\": \"attributes.signedUp\", \"op\": \"before\", \"value\": \"2025-09-01\"}]}";

    private SegmentBenchmark() {
    }

    record Measured(String what, long recipients, long millis, long calls) {
    }

    static int run(String[] args) throws Exception {
        Optional<SizeOptions> options = SizeOptions.parse(args, "bench-send --segment", "--recipients", 100_000);
        if (options.isEmpty()) {
            return 2;
        }
        int contacts = options.get().size();
        try (BenchDatabase bench = BenchDatabase.start()) {
            Database database = bench.database();
            ObjectMapper json = JsonMapper.create();
            ContactList list = new ListRepository().create(database, "Segment benchmark", "");
            List<ContactInput> people = new ArrayList<>(contacts);
            LocalDate first = LocalDate.of(2025, 1, 1);
            long expected = 0;
            for (int i = 0; i < contacts; i++) {
                expected += i % 3 == 0 && first.plusDays(i % 365).isBefore(LocalDate.of(2025, 9, 1)) ? 1 : 0;
                // A third on pro; sign-up dates over the year, so about two thirds before September.
                people.add(new ContactInput(EmailAddress.parse("seg" + i + "@example" + (i % 97) + ".com"), "First" + i,
                        "Last" + i, Map.of("plan", i % 3 == 0 ? "pro" : "free",
                        "signedUp", first.plusDays(i % 365).toString())));
            }
            new ContactRepository(json, new AuditTrail(json)).addToList(database, list.id(), people, "benchmark");
            people.clear();

            Campaign campaign = new CampaignRepository().create(database, new Campaign(null, "Segment benchmark", "",
                    "news@example.com", "News", null, "UTC", CampaignStatus.ACTIVE, "benchmark", null, null));
            RoundRepository rounds = new RoundRepository(json);
            Segment segment = new SegmentRepository(json).create(database, "Pro before September", "", CONDITIONS,
                    "benchmark");
            UUID segmented = round(rounds, database, campaign, list);
            rounds.copySegment(database, segmented, segment.id());
            UUID everyone = round(rounds, database, campaign, list);

            DeliveryLedger ledger = new DeliveryLedger();
            List<Measured> measured = new ArrayList<>();
            measured.add(measure("preview count, segment", database,
                    () -> ledger.preview(database, segmented, 20).recipients()));
            measured.add(measure("ledger write, segment", database, () -> {
                ledger.materialise(database, segmented);
                return recipients(database, rounds, segmented);
            }));
            measured.add(measure("ledger write, whole list", database, () -> {
                ledger.materialise(database, everyone);
                return recipients(database, rounds, everyone);
            }));
            for (Measured m : measured.subList(0, 2)) {
                if (m.recipients() != expected) {
                    throw new IllegalStateException(m.what() + ": " + m.recipients() + " recipients, not " + expected);
                }
            }
            BenchmarkDoc.publish(options.get().out(), SECTION, report(contacts, measured));
        }
        return 0;
    }

    private static UUID round(RoundRepository rounds, Database database, Campaign campaign, ContactList list) {
        return rounds.create(database, campaign.id(), new RoundRepository.Content("Round", "Hello", "", "Hello",
                Instant.now().plusSeconds(3600), null), List.of(list.id()), "benchmark");
    }

    private static long recipients(Database database, RoundRepository rounds, UUID roundId) {
        return rounds.find(database, roundId).orElseThrow().counts().recipients();
    }

    private interface Step {
        long run();
    }

    private static Measured measure(String what, Database database, Step step) {
        long calls = database.calls();
        long started = System.nanoTime();
        long recipients = step.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Measured(what, recipients, millis, database.calls() - calls);
    }

    private static String report(int contacts, List<Measured> measured) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("### Sending to a segment\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %s. %,d contacts on one list, each with a plan and a "
                + "sign-up date among its attributes; a round copies a saved segment of two conditions (`attributes.plan"
                + " equals pro`, `attributes.signedUp before 2025-09-01`), compiled to one parameterised statement. The "
                + "ledger write is the statement the launcher runs at the claim; the counts include reading the round's "
                + "conditions (one call) and, for the table, reading the round back. Rerun: "
                + "`java -jar local/target/campaign-local.jar bench-send --segment --recipients %d`.%n%n",
                LocalDate.now(), BenchmarkDoc.machine(), contacts, contacts));
        md.append("| step | recipients | wall | Data API calls |\n|---|---|---|---|\n");
        for (Measured m : measured) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f s | %d |%n", m.what(), m.recipients(),
                    m.millis() / 1000.0, m.calls()));
        }
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }
}
