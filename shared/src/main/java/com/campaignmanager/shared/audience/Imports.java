package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Role;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Contacts imported onto a list from a CSV file ({@link CsvContacts}), by editors: the valid rows are imported
 * whatever the invalid ones are, and the summary says which lines were refused and why.
 */
@Singleton
public final class Imports {
    /** The file as it came: its media type ({@code text/csv}) and its text. */
    public record CsvFile(String mediaType, String text) {
    }

    public record ImportSummary(int rows, long added, long updated, long unchanged, long suppressed, int duplicates,
                                int invalidCount, List<CsvContacts.InvalidLine> invalid) {
    }

    private final Database database;
    private final ListRepository lists;
    private final ContactRepository contacts;

    @Inject
    public Imports(Database database, ListRepository lists, ContactRepository contacts) {
        this.database = database;
        this.lists = lists;
        this.contacts = contacts;
    }

    public ImportSummary importCsv(Acting acting, UUID listId, CsvFile file) {
        acting.caller().require(Role.EDITOR);
        String mediaType = file.mediaType() == null ? "" : file.mediaType().toLowerCase(Locale.ROOT);
        if (!mediaType.startsWith("text/csv") && !mediaType.startsWith("application/csv")) {
            throw ApiProblem.unsupportedMediaType("send the file as text/csv");
        }
        if (lists.find(database, listId).isEmpty()) {
            throw ApiProblem.notFound("list " + listId + " does not exist");
        }
        CsvContacts.Parsed parsed;
        try {
            parsed = CsvContacts.parse(file.text());
        } catch (CsvContacts.UnreadableCsvException e) {
            throw ApiProblem.invalid("body", e.getMessage());
        }
        UpsertSummary summary = contacts.addToList(database, listId, parsed.contacts(),
                "import:" + acting.requestId());
        return new ImportSummary(parsed.rows(), summary.added(), summary.updated(), summary.unchanged(),
                summary.suppressed(), parsed.duplicates(), parsed.invalidCount(), parsed.invalid());
    }
}
