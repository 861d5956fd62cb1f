package com.campaignmanager.local.bench;

import com.campaignmanager.local.DirectoryTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deployment packages laid out as Lambda lays them out, and loaded as its Java runtime loads them: each jar
 * extracted into a directory of its own (the runtime's {@code /var/task}), read by {@link TaskRootLauncher}. A class
 * path entry that is one of the packages is replaced by its directory; the others (the probes, the comparison
 * variants' extra jars) follow it, as a function's {@code lib/} jars and layers do.
 */
record TaskRoots(Path launcherDirectory, Map<String, Path> extracted) implements CodeLayout {
    /** What the reports say of it. */
    static final String AS_LAMBDA_LOADS = "The functions' code is loaded as Lambda's Java runtime loads it: the"
            + " deployable jar extracted into a directory (Lambda's `/var/task`) and read through a URLClassLoader"
            + " whose parent is the system class loader (the runtime's `CustomerClassLoader`).";
    private static final String LAUNCHER = TaskRootLauncher.class.getName().replace('.', '/') + ".class";

    /** Extracts {@code packages} under {@code directory} (emptied first, so it matches the jars just built). */
    static TaskRoots extract(Path directory, List<Path> packages) throws IOException {
        DirectoryTree.delete(directory);
        Map<String, Path> extracted = new LinkedHashMap<>();
        for (Path jar : packages) {
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            extracted.put(jar.toString(), unzip(jar, directory.resolve("task-" + name)));
        }
        Path launcher = directory.resolve("launcher");
        Path launcherClass = launcher.resolve(LAUNCHER);
        Files.createDirectories(launcherClass.getParent());
        try (InputStream in = TaskRootLauncher.class.getClassLoader().getResourceAsStream(LAUNCHER)) {
            if (in == null) {
                throw new IOException(LAUNCHER + " is not on the class path");
            }
            Files.copy(in, launcherClass);
        }
        return new TaskRoots(launcher, Map.copyOf(extracted));
    }

    @Override
    public List<String> javaArguments(List<String> classpath, String mainClass) {
        List<String> paths = new ArrayList<>();
        for (String entry : classpath) {
            paths.add(extracted.getOrDefault(entry, Path.of(entry)).toAbsolutePath().toString());
        }
        return List.of("-cp", launcherDirectory.toAbsolutePath().toString(), TaskRootLauncher.class.getName(),
                String.join(File.pathSeparator, paths), mainClass);
    }

    private static Path unzip(Path jar, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException(jar + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return root;
    }
}
