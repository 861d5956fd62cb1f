package com.campaignmanager.shared.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.testing.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contacts and imports called directly, as an assistant's tool would call them: the service checks the caller's
 * role before it looks at the command, and erasure stays an admin's whatever the entry point.
 */
@ExtendWith(LocalDataApiExtension.class)
class ContactsTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(50, null);
    private static Database database;
    private static Contacts contacts;
    private static Imports imports;
    private static ListRepository lists;

    @BeforeAll
    static void setUp() {
        database = TestDatabases.create("contacts").database();
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
        ObjectMapper json = JsonMapper.create();
        ContactRepository repository = new ContactRepository(json, new AuditTrail(json));
        lists = new ListRepository();
        contacts = new Contacts(database, repository, lists, new Erasure(), json);
        imports = new Imports(database, lists, repository);
    }

    private static Acting as(Role role) {
        return new Acting(new Caller("sub-" + role.wireName(), role.wireName() + "@example.com", true, Set.of(role),
                null), "contacts-test");
    }

    private static void refused(int status, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(status));
    }

    @Test
    void aViewerIsRefusedBeforeTheCommandIsReadAndErasureStaysAnAdmins() {
        UUID listId = lists.create(database, "Bulk " + UUID.randomUUID(), "").id();
        String email = "bulk-" + UUID.randomUUID() + "@example.com";
        imports.importCsv(as(Role.EDITOR), listId, new Imports.CsvFile("text/csv", "email\n" + email + "\n"));
        UUID contactId = contacts.page(as(Role.EDITOR), email, FIRST_PAGE).items().get(0).id();

        Contacts.BulkAction empty = new Contacts.BulkAction(null, null, null);
        refused(403, () -> contacts.bulk(as(Role.VIEWER), empty));
        assertThatThrownBy(() -> contacts.bulk(as(Role.EDITOR), empty)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.errors().get(0).field()).isEqualTo("action"));
        refused(403, () -> contacts.page(as(Role.VIEWER), null, FIRST_PAGE));

        Contacts.BulkAction erase = new Contacts.BulkAction("erase", null, List.of(contactId, contactId));
        refused(403, () -> contacts.bulk(as(Role.EDITOR), erase));
        refused(403, () -> contacts.erase(as(Role.APPROVER), contactId));
        assertThat(contacts.get(as(Role.APPROVER), contactId).email()).isEqualTo(email);

        assertThat(contacts.bulk(as(Role.ADMIN), erase))
                .isEqualTo(new ContactRepository.BulkResult("erase", 1, 1, 1));
        refused(404, () -> contacts.get(as(Role.ADMIN), contactId));
    }

    @Test
    void anImportIsAnEditorsAndOnlyOfACsvFile() {
        UUID listId = lists.create(database, "Import " + UUID.randomUUID(), "").id();
        Imports.CsvFile json = new Imports.CsvFile("application/json", "{}");

        refused(403, () -> imports.importCsv(as(Role.VIEWER), listId, json));
        refused(415, () -> imports.importCsv(as(Role.EDITOR), listId, json));
        refused(404, () -> imports.importCsv(as(Role.EDITOR), UUID.randomUUID(),
                new Imports.CsvFile("text/csv", "email\na@example.com\n")));

        String csv = "email,first_name\nann-" + UUID.randomUUID() + "@example.com,Ann\nnot an address,X\n";
        Imports.ImportSummary summary = imports.importCsv(as(Role.EDITOR), listId,
                new Imports.CsvFile("text/csv; charset=utf-8", csv));
        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.invalid()).extracting(CsvContacts.InvalidLine::line).containsExactly(3L);
    }
}
