package com.campaignmanager.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named statements of one repository, read once from the {@code .sql} resource beside it. Each statement is
 * headed {@code -- name: find-due-rounds} and runs until the next header.
 *
 * <p>The owner resolves each name it runs into a constant when it loads
 * ({@code static final String FIND_ROUND = SQL.statement("find-round");}), so a missing name stops the class
 * from loading, not a send half-way. {@link #statement} records the names asked for, and {@link #loaded()} keeps
 * every file loaded in this JVM with its owner: a test loads the owners and checks that each file has one owner
 * and no statement nobody runs.
 */
public final class SqlStatements {
    private static final Pattern HEADER = Pattern.compile("^--\\s*name:\\s*([a-z0-9][a-z0-9-]*)\\s*$",
            Pattern.MULTILINE);
    private static final List<SqlStatements> LOADED = new CopyOnWriteArrayList<>();

    private final Class<?> owner;
    private final String resource;
    private final String source;
    private final Map<String, String> statements;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private SqlStatements(Class<?> owner, String resource, String source, Map<String, String> statements) {
        this.owner = owner;
        this.resource = resource;
        this.source = source;
        this.statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
    }

    /** Loads {@code resource} from the package of {@code owner} (e.g. {@code ListRepository.class, "lists.sql"}). */
    public static SqlStatements load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " not found beside " + owner.getName());
            }
            String path = resource.startsWith("/") ? resource.substring(1)
                    : owner.getPackageName().replace('.', '/') + "/" + resource;
            SqlStatements sql = parse(owner, path, owner.getSimpleName() + "/" + resource,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            LOADED.add(sql);
            return sql;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SqlStatements parse(String source, String text) {
        return parse(null, source, source, text);
    }

    private static SqlStatements parse(Class<?> owner, String resource, String source, String text) {
        Map<String, String> statements = new LinkedHashMap<>();
        Matcher matcher = HEADER.matcher(text);
        String name = null;
        int start = 0;
        while (matcher.find()) {
            if (name != null) {
                put(statements, source, name, text.substring(start, matcher.start()));
            }
            name = matcher.group(1);
            start = matcher.end();
        }
        if (name == null) {
            throw new IllegalStateException(source + " has no '-- name:' headers");
        }
        put(statements, source, name, text.substring(start));
        return new SqlStatements(owner, resource, source, statements);
    }

    private static void put(Map<String, String> statements, String source, String name, String body) {
        String sql = body.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new IllegalStateException(source + ": statement '" + name + "' is empty");
        }
        if (statements.put(name, sql) != null) {
            throw new IllegalStateException(source + ": statement '" + name + "' is defined twice");
        }
    }

    /**
     * The statement named {@code name}, recorded as used by the owner. Call it once per name, into a
     * {@code static final} constant, so that every name resolves when the owner loads.
     */
    public String statement(String name) {
        String sql = get(name);
        used.add(name);
        return sql;
    }

    /** The statement named {@code name}, without recording it as used; prefer {@link #statement}. */
    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException(source + " has no statement named '" + name + "'");
        }
        return sql;
    }

    public Set<String> names() {
        return statements.keySet();
    }

    /** The names of the file that no {@link #statement} call asked for, in file order. */
    public Set<String> unused() {
        Set<String> unused = new LinkedHashSet<>(statements.keySet());
        unused.removeAll(used);
        return unused;
    }

    /** The class that loaded the file; null for text parsed directly. */
    public Class<?> owner() {
        return owner;
    }

    /** The resource's path on the class path, e.g. {@code com/campaignmanager/shared/audience/lists.sql}. */
    public String resource() {
        return resource;
    }

    /** Every file loaded in this JVM so far, one entry per load, in load order. */
    public static List<SqlStatements> loaded() {
        return List.copyOf(LOADED);
    }
}
