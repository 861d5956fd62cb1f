package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class ListRepository {
    private static final SqlStatements SQL = SqlStatements.load(ListRepository.class, "lists.sql");

    @Inject
    public ListRepository() {
    }

    public ContactList create(SqlExecutor sql, String name, String description) {
        return sql.querySingle(SQL.get("insert-list"), Params.of("name", name).put("description", description),
                ListRepository::map);
    }

    public Optional<ContactList> find(SqlExecutor sql, UUID listId) {
        return sql.queryOptional(SQL.get("find-list"), Params.of("listId", listId), ListRepository::map);
    }

    public Page<ContactList> page(SqlExecutor sql, String q, List<String> after, int limit) {
        return sql.queryPage(SQL.get("page-lists"), Search.byCreatedAt(Params.of(), q, after), limit,
                ListRepository::map, list -> Search.cursor(list.createdAt(), list.id()));
    }

    /** Null name or description keeps the current one. */
    public Optional<ContactList> update(SqlExecutor sql, UUID listId, String name, String description) {
        return sql.queryOptional(SQL.get("update-list"),
                Params.of("listId", listId).put("name", name).put("description", description), ListRepository::map);
    }

    public boolean delete(SqlExecutor sql, UUID listId) {
        return sql.update(SQL.get("delete-list"), Params.of("listId", listId)) == 1;
    }

    private static ContactList map(Row row) {
        return new ContactList(row.uuid("id"), row.string("name"), row.string("description"),
                row.longValue("contact_count"), row.instant("created_at"), row.instant("updated_at"));
    }
}
