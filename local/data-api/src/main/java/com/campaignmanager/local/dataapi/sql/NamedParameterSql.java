package com.campaignmanager.local.dataapi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A Data API statement translated for JDBC: each {@code :name} placeholder becomes {@code ?} (a name may repeat),
 * and a literal {@code ?} (jsonb operators) becomes {@code ??}, pgjdbc's escape for it. String literals (with
 * {@code ''} escapes, and backslash escapes in {@code E'..'}), quoted identifiers, {@code --} and nested
 * {@code /* *}{@code /} comments, dollar-quoted strings and {@code ::} casts are copied untouched, so
 * {@code :id::uuid} binds {@code id} and casts it.
 *
 * @param jdbcSql the statement with JDBC placeholders
 * @param parameterNames the name behind each {@code ?}, in order
 * @param multipleStatements whether a {@code ;} outside quotes and comments is followed by another statement
 */
public record NamedParameterSql(String jdbcSql, List<String> parameterNames, boolean multipleStatements) {

    public NamedParameterSql {
        parameterNames = List.copyOf(parameterNames);
    }

    public static NamedParameterSql parse(String sql) {
        return new Scanner(sql).scan();
    }

    private static final class Scanner {
        private final String sql;
        private final StringBuilder out;
        private final List<String> names = new ArrayList<>();
        private int pos;
        private boolean statementEnded;
        private boolean multipleStatements;

        Scanner(String sql) {
            this.sql = sql;
            this.out = new StringBuilder(sql.length() + 16);
        }

        NamedParameterSql scan() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (c == '\'') {
                    noteContent();
                    copyQuoted('\'', isEscapeStringPrefix(pos));
                } else if (c == '"') {
                    noteContent();
                    copyQuoted('"', false);
                } else if (c == '-' && peek(1) == '-') {
                    copyLineComment();
                } else if (c == '/' && peek(1) == '*') {
                    copyBlockComment();
                } else if (c == '$' && dollarTagLength() > 0) {
                    noteContent();
                    copyDollarQuoted(dollarTagLength());
                } else if (c == ':' && peek(1) == ':') {
                    noteContent();
                    out.append("::");
                    pos += 2;
                } else if (c == ':' && isNameStart(peek(1))) {
                    noteContent();
                    readPlaceholder();
                } else if (c == '?') {
                    noteContent();
                    out.append("??");
                    pos++;
                } else if (c == ';') {
                    statementEnded = true;
                    out.append(c);
                    pos++;
                } else {
                    if (!Character.isWhitespace(c)) {
                        noteContent();
                    }
                    out.append(c);
                    pos++;
                }
            }
            return new NamedParameterSql(out.toString(), names, multipleStatements);
        }

        private void noteContent() {
            if (statementEnded) {
                multipleStatements = true;
            }
        }

        private char peek(int offset) {
            int at = pos + offset;
            return at < sql.length() ? sql.charAt(at) : '\0';
        }

        private boolean isEscapeStringPrefix(int quoteAt) {
            if (quoteAt == 0) {
                return false;
            }
            char prefix = sql.charAt(quoteAt - 1);
            if (prefix != 'E' && prefix != 'e') {
                return false;
            }
            return quoteAt < 2 || !isIdentifierPart(sql.charAt(quoteAt - 2));
        }

        private void copyQuoted(char quote, boolean backslashEscapes) {
            out.append(quote);
            pos++;
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (backslashEscapes && c == '\\' && pos + 1 < sql.length()) {
                    out.append(c).append(sql.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                out.append(c);
                pos++;
                if (c == quote) {
                    if (peek(0) == quote) { // doubled quote: an escaped quote, the literal goes on
                        out.append(quote);
                        pos++;
                    } else {
                        return;
                    }
                }
            }
        }

        private void copyLineComment() {
            while (pos < sql.length() && sql.charAt(pos) != '\n') {
                out.append(sql.charAt(pos++));
            }
        }

        private void copyBlockComment() {
            int depth = 0;
            while (pos < sql.length()) {
                if (sql.charAt(pos) == '/' && peek(1) == '*') {
                    depth++;
                    out.append("/*");
                    pos += 2;
                } else if (sql.charAt(pos) == '*' && peek(1) == '/') {
                    depth--;
                    out.append("*/");
                    pos += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    out.append(sql.charAt(pos++));
                }
            }
        }

        /** Length of a dollar-quote opening tag ({@code $$} or {@code $tag$}) at pos, or 0 if there is none. */
        private int dollarTagLength() {
            if (pos > 0 && isIdentifierPart(sql.charAt(pos - 1))) {
                return 0; // a $ inside an identifier such as a$b
            }
            int end = pos + 1;
            if (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                return 0; // $1: a positional parameter, not a quote
            }
            while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                end++;
            }
            return end < sql.length() && sql.charAt(end) == '$' ? end - pos + 1 : 0;
        }

        private void copyDollarQuoted(int tagLength) {
            String tag = sql.substring(pos, pos + tagLength);
            int close = sql.indexOf(tag, pos + tagLength);
            int end = close < 0 ? sql.length() : close + tagLength;
            out.append(sql, pos, end);
            pos = end;
        }

        private void readPlaceholder() {
            int start = pos + 1;
            int end = start;
            while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                end++;
            }
            names.add(sql.substring(start, end));
            out.append('?');
            pos = end;
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
