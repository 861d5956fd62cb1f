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
    private static final String INSERT_LIST = SQL.statement("insert-list");
    private static final String FIND_LIST = SQL.statement("find-list");
    private static final String PAGE_LISTS = SQL.statement("page-lists");
    private static final String UPDATE_LIST = SQL.statement("update-list");
    private static final String DELETE_LIST = SQL.statement("delete-list");

    @Inject
    public ListRepository() {
    }

    public ContactList create(SqlExecutor sql, String name, String description) {
        return sql.querySingle(INSERT_LIST, Params.of("name", name).put("description", description),
                ListRepository::map);
    }

    public Optional<ContactList> find(SqlExecutor sql, UUID listId) {
        return sql.queryOptional(FIND_LIST, Params.of("listId", listId), ListRepository::map);
    }

    public Page<ContactList> page(SqlExecutor sql, String q, List<String> after, int limit) {
        return sql.queryPage(PAGE_LISTS, Search.byCreatedAt(Params.of(), q, after), limit,
                ListRepository::map, list -> Search.cursor(list.createdAt(), list.id()));
    }

    /** Null name or description keeps the current one. */
    public Optional<ContactList> update(SqlExecutor sql, UUID listId, String name, String description) {
        return sql.queryOptional(UPDATE_LIST,
                Params.of("listId", listId).put("name", name).put("description", description), ListRepository::map);
    }

    public boolean delete(SqlExecutor sql, UUID listId) {
        return sql.update(DELETE_LIST, Params.of("listId", listId)) == 1;
    }

    private static ContactList map(Row row) {
        return new ContactList(row.uuid("id"), row.string("name"), row.string("description"),
                row.longValue("contact_count"), row.instant("created_at"), row.instant("updated_at"));
    }
}
