package com.campaignmanager.shared.db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned schema change, from a file named like {@code V003__rounds.sql}. */
public record Migration(int version, String fileName, String sql, String checksum) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_]+)\\.sql");

    public static Migration of(String fileName, String sql) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new MigrationException("migration file name " + fileName + " does not match V<version>__<name>.sql");
        }
        return new Migration(Integer.parseInt(matcher.group(1)), fileName, sql, checksum(sql));
    }

    /** SHA-256 of the text with line endings normalised, so a checkout with CRLF does not look edited. */
    static String checksum(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
