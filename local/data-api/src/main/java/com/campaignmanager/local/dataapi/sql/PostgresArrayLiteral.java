package com.campaignmanager.local.dataapi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses PostgreSQL's text form of an array ({@code {1,2,NULL}}, {@code {{"a b","c\"d"},{e,f}}},
 * {@code [0:1]={1,2}}) into nested lists of element texts, null for NULL. Working from the server's text keeps
 * every element exactly as PostgreSQL prints it (numeric scale, timestamp format) instead of pgjdbc's Java objects.
 */
public final class PostgresArrayLiteral {
    private final String text;
    private final char delimiter;
    private int pos;

    private PostgresArrayLiteral(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /** Returns a list whose entries are Strings (elements, null for NULL) or Lists (sub-arrays). */
    public static List<Object> parse(String text, char delimiter) {
        PostgresArrayLiteral parser = new PostgresArrayLiteral(text, delimiter);
        parser.skipDimensions();
        return parser.array();
    }

    public static List<Object> parse(String text) {
        return parse(text, ',');
    }

    private void skipDimensions() {
        if (text.startsWith("[")) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw malformed();
            }
            pos = equals + 1;
        }
    }

    private List<Object> array() {
        expect('{');
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return elements;
        }
        while (true) {
            skipWhitespace();
            char c = peek();
            if (c == '{') {
                elements.add(array());
            } else if (c == '"') {
                elements.add(quoted());
            } else {
                elements.add(unquoted());
            }
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                return elements;
            }
            if (next != delimiter) {
                throw malformed();
            }
        }
    }

    private String quoted() {
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                value.append(text.charAt(pos++));
            } else if (c == '"') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw malformed();
    }

    private String unquoted() {
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == delimiter || c == '}') {
                break;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                value.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        String element = value.toString().strip();
        return "NULL".equalsIgnoreCase(element) ? null : element;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed();
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        skipWhitespace();
        if (peek() != c) {
            throw malformed();
        }
        pos++;
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("Malformed array literal: " + text);
    }
}
