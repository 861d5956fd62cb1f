package com.campaignmanager.shared.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, leaving alone those inside quotes, quoted
 * identifiers, comments and dollar-quoted bodies (functions). The Data API runs one statement per call.
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closingQuote(script, i, c);
            } else if (script.startsWith("--", i)) {
                int newline = script.indexOf('\n', i);
                end = newline < 0 ? length : newline + 1;
            } else if (script.startsWith("/*", i)) {
                end = closingBlockComment(script, i);
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated dollar-quoted string " + tag);
                }
                end = close + tag.length();
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
                continue;
            } else {
                end = i + 1;
            }
            current.append(script, i, end);
            i = end;
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!onlyComments(sql)) {
            statements.add(sql);
        }
    }

    private static boolean onlyComments(String sql) {
        String rest = sql;
        while (!rest.isEmpty()) {
            if (rest.startsWith("--")) {
                int newline = rest.indexOf('\n');
                rest = newline < 0 ? "" : rest.substring(newline + 1).strip();
            } else if (rest.startsWith("/*")) {
                int close = rest.indexOf("*/");
                rest = close < 0 ? "" : rest.substring(close + 2).strip();
            } else {
                return false;
            }
        }
        return true;
    }

    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated quoted text starting at offset " + start);
    }

    private static int closingBlockComment(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated block comment starting at offset " + start);
    }

    /** {@code $$} or {@code $tag$} at {@code start}, or null when the dollar sign is something else ({@code $1}). */
    private static String dollarTag(String script, int start) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '$') {
                return script.substring(start, i + 1);
            }
            if (!(Character.isLetter(c) || c == '_' || (i > start + 1 && Character.isDigit(c)))) {
                return null;
            }
            i++;
        }
        return null;
    }
}
