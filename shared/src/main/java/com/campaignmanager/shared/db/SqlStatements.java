package com.campaignmanager.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named statements of one repository, read once from the {@code .sql} resource beside it. Each statement is
 * headed {@code -- name: find-due-rounds} and runs until the next header. Asking for a name the file does not
 * have fails at start-up, not in the middle of a send.
 */
public final class SqlStatements {
    private static final Pattern HEADER = Pattern.compile("^--\\s*name:\\s*([a-z0-9][a-z0-9-]*)\\s*$",
            Pattern.MULTILINE);

    private final String source;
    private final Map<String, String> statements;

    private SqlStatements(String source, Map<String, String> statements) {
        this.source = source;
        this.statements = Map.copyOf(statements);
    }

    /** Loads {@code resource} from the package of {@code owner} (e.g. {@code ListRepository.class, "lists.sql"}). */
    public static SqlStatements load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " not found beside " + owner.getName());
            }
            return parse(owner.getSimpleName() + "/" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SqlStatements parse(String source, String text) {
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
        return new SqlStatements(source, statements);
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
}
