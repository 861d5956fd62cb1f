package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.StorableText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a contacts CSV: a header row with {@code email} (required), {@code first_name}/{@code firstName},
 * {@code last_name}/{@code lastName}, any other column becoming an attribute; UTF-8 with or without BOM; comma
 * or semicolon; quoted fields. Rows for the same address are merged (later values win); invalid rows are reported
 * with their line and never stop the valid ones.
 */
public final class CsvContacts {
    /** Invalid lines listed in a summary; the rest are only counted. */
    public static final int MAX_REPORTED_INVALID = 100;

    public record InvalidLine(long line, String email, String reason) {
    }

    /**
     * @param contacts one per address, in first-seen order
     * @param invalidCount all invalid rows; {@code invalid} lists the first {@link #MAX_REPORTED_INVALID}
     */
    public record Parsed(int rows, List<ContactInput> contacts, int duplicates, int invalidCount, List<InvalidLine> invalid) {
    }

    /** Thrown when the file itself is unusable (no header, no email column): nothing can be imported. */
    public static final class UnreadableCsvException extends IllegalArgumentException {
        public UnreadableCsvException(String message) {
            super(message);
        }
    }

    private CsvContacts() {
    }

    public static Parsed parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = content.indexOf('\n');
        String headerLine = firstLineEnd < 0 ? content : content.substring(0, firstLineEnd);
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        CsvRows reader = new CsvRows(content, delimiter);
        CsvRows.Row header = reader.next();
        if (header == null) {
            throw new UnreadableCsvException("the file has no header row");
        }
        if (header.error() != null) {
            throw new UnreadableCsvException("the header row (line " + header.line() + ") " + header.error());
        }
        Columns columns = Columns.of(header.fields());
        Map<String, ContactInput> byKey = new LinkedHashMap<>();
        List<InvalidLine> invalid = new ArrayList<>();
        int invalidCount = 0;
        int rows = 0;
        int duplicates = 0;
        for (CsvRows.Row row = reader.next(); row != null; row = reader.next()) {
            rows++;
            String rawEmail = row.fields() == null ? null : value(row.fields(), columns.email());
            String problem = row.error() != null ? row.error() : unstorable(row.fields(), header.fields());
            EmailAddress email = null;
            if (problem == null) {
                try {
                    email = EmailAddress.parse(rawEmail);
                } catch (EmailAddress.InvalidEmailException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                invalidCount++;
                if (invalid.size() < MAX_REPORTED_INVALID) {
                    boolean echoable = rawEmail != null && StorableText.problem(rawEmail).isEmpty();
                    invalid.add(new InvalidLine(row.line(), echoable ? rawEmail : null, problem));
                }
                continue;
            }
            List<String> fields = row.fields();
            Map<String, Object> attributes = new LinkedHashMap<>();
            columns.attributes().forEach((name, index) -> {
                String attribute = value(fields, index);
                if (attribute != null) {
                    attributes.put(name, attribute);
                }
            });
            ContactInput contact = new ContactInput(email, value(fields, columns.firstName()),
                    value(fields, columns.lastName()), attributes);
            ContactInput earlier = byKey.get(email.key());
            if (earlier != null) {
                duplicates++;
                byKey.put(email.key(), earlier.mergedWith(contact));
            } else {
                byKey.put(email.key(), contact);
            }
        }
        return new Parsed(rows, List.copyOf(byKey.values()), duplicates, invalidCount, invalid);
    }

    /** Why a row cannot be stored (a NUL, broken Unicode), naming the column; null when it can. */
    private static String unstorable(List<String> fields, List<String> header) {
        for (int i = 0; i < fields.size(); i++) {
            Optional<String> problem = StorableText.problem(fields.get(i));
            if (problem.isPresent()) {
                String name = i < header.size() && !header.get(i).isBlank() ? header.get(i).strip() : "column " + (i + 1);
                return name + " " + problem.get();
            }
        }
        return null;
    }

    private record Columns(int email, Integer firstName, Integer lastName, Map<String, Integer> attributes) {
        static Columns of(List<String> header) {
            Integer email = null;
            Integer firstName = null;
            Integer lastName = null;
            Map<String, Integer> attributes = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (int index = 0; index < header.size(); index++) {
                String name = header.get(index).strip();
                StorableText.problem(name).ifPresent(problem -> {
                    throw new UnreadableCsvException("the header row has a column name that " + problem);
                });
                if (name.isEmpty()) {
                    continue;
                }
                String role = switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
                    case "email", "emailaddress" -> "email";
                    case "firstname" -> "firstName";
                    case "lastname" -> "lastName";
                    default -> null;
                };
                // Two columns for one thing would make one of them silently lost.
                if (!seen.add(role != null ? role : "attribute:" + name)) {
                    throw new UnreadableCsvException("the header row has " + (role != null ? "more than one "
                            + role + " column" : "the column " + name + " twice"));
                }
                if (role == null) {
                    attributes.put(name, index);
                } else if (role.equals("email")) {
                    email = index;
                } else if (role.equals("firstName")) {
                    firstName = index;
                } else {
                    lastName = index;
                }
            }
            if (email == null) {
                throw new UnreadableCsvException("the header row has no email column");
            }
            return new Columns(email, firstName, lastName, attributes);
        }
    }

    private static String value(List<String> fields, Integer index) {
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index);
        return value.isBlank() ? null : value.strip();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
