package com.campaignmanager.functions.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.email.OutboxMessage;
import com.campaignmanager.shared.email.OutboxProvider;
import com.campaignmanager.shared.email.OutboxRepository;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.OutgoingMessage.Addressee;
import com.campaignmanager.shared.email.OutgoingMessage.Content;
import com.campaignmanager.shared.email.OutgoingMessage.Sender;
import com.campaignmanager.shared.email.SendResult;
import com.campaignmanager.shared.email.SendResult.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox provider on the real schema (migrations applied), through the local Data API. */
@ExtendWith(LocalDataApiExtension.class)
class OutboxProviderTest {
    private static Database database;
    private static OutboxRepository repository;
    private static OutboxProvider outbox;

    @BeforeAll
    static void setUp() {
        database = FunctionDatabase.get();
        repository = new OutboxRepository(new ObjectMapper());
        outbox = new OutboxProvider(database, repository);
    }

    private static List<OutgoingMessage> batch(String round, int size) {
        return IntStream.rangeClosed(1, size).mapToObj(i -> new OutgoingMessage(round + "-d" + i,
                new Sender("news@example.org", "Example News", "reply@example.org"),
                new Addressee("reader" + i + "@example.com", "Reader " + i),
                new Content("Hello " + i, "<p>Hello \"" + i + "\" & more</p>", "Hello " + i + "\nline two"), round,
                Map.of("List-Unsubscribe", "<https://example.org/u/" + i + ">"), i == 1)).toList();
    }

    private static long stored(String round) {
        return database.querySingle("SELECT count(*) AS n FROM outbox_messages WHERE campaign_tag = :round",
                Params.of("round", round), r -> r.longValue("n"));
    }

    @Test
    void storesABatchInOneCallAndAResentBatchNotAgain() {
        String round = "round-" + UUID.randomUUID();
        List<OutgoingMessage> messages = batch(round, 25);

        long before = database.calls();
        List<SendResult> first = outbox.send(messages);
        assertThat(database.calls() - before).isEqualTo(1);

        assertThat(first).extracting(SendResult::customId)
                .isEqualTo(messages.stream().map(OutgoingMessage::customId).toList());
        assertThat(first).extracting(SendResult::outcome).containsOnly(Outcome.SENT);
        assertThat(first).allSatisfy(r -> assertThat(r.providerMessageId()).startsWith("outbox:"));
        assertThat(stored(round)).isEqualTo(25);

        before = database.calls();
        List<SendResult> again = outbox.send(messages);
        assertThat(database.calls() - before).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(stored(round)).isEqualTo(25);
    }

    @Test
    void aBatchMixingStoredAndNewMessagesStoresOnlyTheNewOnes() {
        String round = "round-" + UUID.randomUUID();
        List<OutgoingMessage> all = batch(round, 6);
        List<SendResult> firstHalf = outbox.send(all.subList(0, 3));

        List<OutgoingMessage> mixed = new ArrayList<>(all);
        mixed.add(all.get(4)); // the same message twice in one batch
        List<SendResult> results = outbox.send(mixed);

        assertThat(results).hasSize(7).extracting(SendResult::outcome).containsOnly(Outcome.SENT);
        assertThat(results.subList(0, 3)).isEqualTo(firstHalf);
        assertThat(results.get(6)).isEqualTo(results.get(4));
        assertThat(stored(round)).isEqualTo(6);
    }

    @Test
    void storesWhatWouldHaveGoneOutAndPagesIt() {
        String round = "round-" + UUID.randomUUID();
        List<OutgoingMessage> messages = batch(round, 5);
        List<SendResult> results = outbox.send(messages);

        OutboxMessage first = repository.find(database, round + "-d1").orElseThrow();
        assertThat(first.providerMessageId()).isEqualTo(results.get(0).providerMessageId());
        assertThat(first.toEmail()).isEqualTo("reader1@example.com");
        assertThat(first.toName()).isEqualTo("Reader 1");
        assertThat(first.customId()).isEqualTo(round + "-d1");
        assertThat(first.campaignTag()).isEqualTo(round);
        assertThat(first.fromEmail()).isEqualTo("news@example.org");
        assertThat(first.fromName()).isEqualTo("Example News");
        assertThat(first.replyTo()).isEqualTo("reply@example.org");
        assertThat(first.subject()).isEqualTo("Hello 1");
        assertThat(first.htmlBody()).isEqualTo("<p>Hello \"1\" & more</p>");
        assertThat(first.textBody()).isEqualTo("Hello 1\nline two");
        assertThat(first.headers()).containsExactly(Map.entry("List-Unsubscribe", "<https://example.org/u/1>"));
        assertThat(first.test()).isTrue();
        assertThat(first.storedAt()).isNotNull();
        assertThat(repository.find(database, "no-such-message")).isEmpty();

        Page<OutboxMessage> page = repository.page(database, round, null, 3);
        assertThat(page.items()).hasSize(3);
        assertThat(page.hasMore()).isTrue();
        Page<OutboxMessage> rest = repository.page(database, round, page.nextCursor(), 3);
        assertThat(rest.items()).hasSize(2);
        assertThat(rest.hasMore()).isFalse();
        List<String> seen = new ArrayList<>();
        page.items().forEach(m -> seen.add(m.customId()));
        rest.items().forEach(m -> seen.add(m.customId()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(messages.stream().map(OutgoingMessage::customId).toList());
        assertThat(page.items().get(0).htmlBody()).isNull();
    }

    @Test
    void anEmptyBatchMakesNoCall() {
        long before = database.calls();
        assertThat(outbox.send(List.of())).isEmpty();
        assertThat(database.calls()).isEqualTo(before);
        assertThat(outbox.check().ready()).isTrue();
    }
}
