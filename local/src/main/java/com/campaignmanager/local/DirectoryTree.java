package com.campaignmanager.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory and everything under it, as the local runner's commands remove them (a data dir, a bench's task roots). */
public final class DirectoryTree {
    private DirectoryTree() {
    }

    /** Deletes {@code directory} and its contents, deepest first; nothing if it does not exist. */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
