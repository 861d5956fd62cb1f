package com.campaignmanager.local.bench;

import java.io.File;
import java.util.List;

/** How a launched JVM finds a function's code: the java command's arguments from {@code -cp} to the main class. */
interface CodeLayout {
    /** The deployable jar itself on the JVM's class path, read by the system class loader (how Lambda never runs it). */
    CodeLayout CLASS_PATH = (classpath, mainClass) -> List.of("-cp", String.join(File.pathSeparator, classpath),
            mainClass);

    List<String> javaArguments(List<String> classpath, String mainClass);
}
