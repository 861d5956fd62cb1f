package com.campaignmanager.shared.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The migration files shipped in the jar. Their order is listed in {@code db/migration/migrations.txt} (the
 * classpath is not scanned); a test checks that the list and the directory agree.
 */
public final class Migrations {
    public static final String DIRECTORY = "db/migration/";
    public static final String INDEX = DIRECTORY + "migrations.txt";

    private Migrations() {
    }

    public static List<Migration> fromClasspath() {
        ClassLoader loader = Migrations.class.getClassLoader();
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(loader, INDEX).split("\n")) {
            String fileName = line.strip();
            if (fileName.isEmpty() || fileName.startsWith("#")) {
                continue;
            }
            migrations.add(Migration.of(fileName, read(loader, DIRECTORY + fileName)));
        }
        return ordered(migrations);
    }

    /** Sorted by version; two files with one version are an error. */
    public static List<Migration> ordered(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        Set<Integer> versions = new HashSet<>();
        for (Migration migration : sorted) {
            if (!versions.add(migration.version())) {
                throw new MigrationException("two migration files have version " + migration.version());
            }
        }
        return List.copyOf(sorted);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("migration resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
