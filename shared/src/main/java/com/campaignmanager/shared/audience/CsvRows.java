package com.campaignmanager.shared.audience;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text (RFC 4180: fields quoted with {@code "}, a quote inside doubled, line breaks inside
 * quotes kept), one at a time, each with the line it starts on. A record that cannot be read (a quote that is
 * never closed, text after a closing quote) is returned with its reason, and reading goes on at the line after
 * the one where the faulty quote opened: one broken line does not take the rest of the file with it. Empty lines
 * are skipped; quotes inside an unquoted field are kept as they are.
 */
final class CsvRows {
    /** {@code fields} is null when {@code error} says why the record could not be read. */
    record Row(long line, List<String> fields, String error) {
    }

    private final String text;
    private final char delimiter;
    private int position;
    private long line = 1;

    CsvRows(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the text. */
    Row next() {
        while (position < text.length() && lineBreakAt(position) > 0) {
            skipLineBreak();
        }
        if (position >= text.length()) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (position < text.length() && text.charAt(position) == '"') {
                int quoteAt = position;
                long quoteLine = line;
                String error = quoted(field);
                if (error != null) {
                    resumeAfterLineOf(quoteAt, quoteLine);
                    return new Row(start, null, error);
                }
            } else {
                while (position < text.length() && text.charAt(position) != delimiter && lineBreakAt(position) == 0) {
                    field.append(text.charAt(position++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (position >= text.length()) {
                return new Row(start, fields, null);
            }
            if (text.charAt(position) == delimiter) {
                position++;
            } else {
                skipLineBreak();
                return new Row(start, fields, null);
            }
        }
    }

    /** Reads a quoted field from its opening quote up to the delimiter or line break after it; null when it is sound. */
    private String quoted(StringBuilder field) {
        position++;
        while (true) {
            if (position >= text.length()) {
                return "has a quoted field that is never closed";
            }
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    field.append('"');
                    position += 2;
                    continue;
                }
                position++;
                break;
            }
            int lineBreak = lineBreakAt(position);
            if (lineBreak > 0) {
                field.append(text, position, position + lineBreak);
                position += lineBreak;
                line++;
            } else {
                field.append(c);
                position++;
            }
        }
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
        if (position < text.length() && text.charAt(position) != delimiter && lineBreakAt(position) == 0) {
            return "has text after the closing quote of a field (quote the whole field and double the quotes in it)";
        }
        return null;
    }

    private void resumeAfterLineOf(int quoteAt, long quoteLine) {
        position = quoteAt;
        line = quoteLine;
        while (position < text.length() && lineBreakAt(position) == 0) {
            position++;
        }
        if (position < text.length()) {
            skipLineBreak();
        }
    }

    private void skipLineBreak() {
        position += lineBreakAt(position);
        line++;
    }

    /** The length of the line break at {@code index} ({@code \r\n}, {@code \n} or {@code \r}), 0 if there is none. */
    private int lineBreakAt(int index) {
        char c = text.charAt(index);
        if (c == '\n') {
            return 1;
        }
        if (c == '\r') {
            return index + 1 < text.length() && text.charAt(index + 1) == '\n' ? 2 : 1;
        }
        return 0;
    }
}
