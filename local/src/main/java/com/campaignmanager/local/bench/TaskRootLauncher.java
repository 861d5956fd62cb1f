package com.campaignmanager.local.bench;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Runs a probe with the function's code loaded as Lambda's Java runtime loads a handler: the deployment package
 * extracted into a directory (the runtime's {@code /var/task}) and read through a {@link URLClassLoader} over it and
 * the jars after it, whose parent is the system class loader, set as the thread's context class loader (the
 * runtime's {@code CustomerClassLoader}). So every class of the function is first asked of the system class loader,
 * which refuses it with an exception, and then read from a file, not inflated from a jar.
 *
 * <p>It is the only class on its JVM's class path ({@link TaskRoots} writes it to a directory of its own): were the
 * probes there too, the system class loader would load them and could not see the function.
 *
 * <p>Arguments: {@code PATHS MAIN_CLASS [ARGS...]}, the task root first in {@code PATHS} (separated by
 * {@link File#pathSeparator}).
 */
public final class TaskRootLauncher {
    private TaskRootLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        String[] paths = args[0].split(File.pathSeparator);
        URL[] urls = new URL[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = new File(paths[i]).toURI().toURL();
        }
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> main = Class.forName(args[1], true, loader);
        try {
            main.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
