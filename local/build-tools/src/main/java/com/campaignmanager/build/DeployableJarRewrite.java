package com.campaignmanager.build;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a deployable jar after shading, in place. Two things, both for the functions' cold start:
 * <ul>
 *   <li>The lambdas the functions link at start become ordinary classes. A {@code LambdaMetafactory} call site makes
 *   the JDK spin a hidden class the first time it runs (~750 of them in a function's start, ~100 ms of a 2-core
 *   start); a class file in the jar is only loaded, and on the list the second thread of the start preloads. Site
 *   {@code N} of class {@code a.b.C} (counting its lambda sites in class-file order) becomes {@code a.b.C$$Lambda$N}
 *   when the jar's class list ({@value #CLASS_LIST}, written by the local runner's {@code class-list}, which records
 *   them from a jar rewritten with {@code --all-lambdas}) names that class: only the sites every function runs, so
 *   that the jar stays small. The other sites, and those {@link LambdaClassGenerator} refuses, are left as they are.
 *   <li>Local variable tables are dropped: only debuggers read them (stack traces keep their line numbers), and they
 *   are ~6 % of the jar.
 * </ul>
 * Usage: {@code DeployableJarRewrite JAR [--all-lambdas] [--out JAR]}.
 */
public final class DeployableJarRewrite {
    static final String CLASS_LIST = "META-INF/campaign-manager/preload-classes.txt";
    static final String SUFFIX = "$$Lambda$";

    /** What a rewrite did: lambda sites seen, rewritten, and why the others were refused (reason → count). */
    public record Report(int sites, int rewritten, int hostsRewritten, Map<String, Integer> refused, long bytesBefore,
                         long bytesAfter) {
        @Override
        public String toString() {
            return String.format("%d lambda site(s), %d now classes (in %d classes), refused %s; %,d → %,d bytes",
                    sites, rewritten, hostsRewritten, refused, bytesBefore, bytesAfter);
        }
    }

    private DeployableJarRewrite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: DeployableJarRewrite JAR [--all-lambdas] [--out JAR]");
        }
        Path jar = Path.of(args[0]);
        Path out = jar;
        boolean all = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--all-lambdas" -> all = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.println(jar.getFileName() + ": " + rewrite(jar, out, all));
    }

    /** Rewrites {@code jar} into {@code out} (the same path rewrites it in place). */
    public static Report rewrite(Path jar, Path out, boolean allLambdas) throws IOException {
        long bytesBefore = Files.size(jar);
        Map<String, Long> times = new HashMap<>();
        Map<String, byte[]> entries = entries(jar, times);
        // In the jar's order, so that every build writes the same nest attributes (a reproducible jar).
        Map<String, byte[]> classes = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classes.put(name.substring(0, name.length() - ".class".length()), bytes);
            }
        });
        Predicate<String> wanted = allLambdas ? name -> true : listed(entries.get(CLASS_LIST));
        Rewrite rewrite = new Rewrite(new ClassIndex(classes), wanted);
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            rewrite.plan(entry.getKey(), entry.getValue());
        }

        Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), "rewrite-", ".jar");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temporary))) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    String name = entry.getKey();
                    long time = times.get(name);
                    byte[] bytes = entry.getValue();
                    String internalName = name.endsWith(".class") ? name.substring(0, name.length() - 6) : null;
                    if (internalName != null && classes.containsKey(internalName)) {
                        bytes = rewrite.rewrite(internalName, bytes);
                    }
                    put(zip, name, time, bytes);
                    if (internalName != null) {
                        for (Map.Entry<String, byte[]> generated : rewrite.generatedFor(internalName).entrySet()) {
                            put(zip, generated.getKey() + ".class", time, generated.getValue());
                        }
                    }
                }
            }
            copyPermissions(jar, temporary);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new Report(rewrite.sites, rewrite.rewritten, rewrite.sitesByHost.size(),
                new TreeMap<>(rewrite.refused), bytesBefore, Files.size(out));
    }

    /** A temporary file is readable by its owner only; the jar keeps the permissions it was built with. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions (Windows): the jar gets the temporary file's, its owner's.
        }
    }

    private static void put(ZipOutputStream zip, String name, long time, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The generated class names ({@code a/b/C$$Lambda$N}) the class list names; none without a list. */
    static Predicate<String> listed(byte[] classList) throws IOException {
        Set<String> names = new HashSet<>();
        if (classList != null) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(classList),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] words = line.trim().split("\\s+");
                    String pkg = words[0].replace('.', '/');
                    for (int i = 1; i < words.length; i++) {
                        if (words[i].contains(SUFFIX)) {
                            names.add(pkg + "/" + words[i]);
                        }
                    }
                }
            }
        }
        return names::contains;
    }

    /**
     * A site an earlier rewrite made a class of still counts, so that a jar rewritten again (the class list's run
     * rewrites the built jar's other sites) numbers every site as the first rewrite did.
     */
    static boolean isRewrittenSite(String host, int opcode, String owner, String method) {
        return opcode == Opcodes.INVOKESTATIC && method.equals(LambdaClassGenerator.FACTORY)
                && owner.startsWith(host + SUFFIX)
                && owner.substring(host.length() + SUFFIX.length()).matches("\\d+");
    }

    /** The two passes: plan every class's sites (generating their classes), then rewrite hosts and nest hosts. */
    private static final class Rewrite {
        private final ClassIndex index;
        private final LambdaClassGenerator generator;
        private final Predicate<String> wanted;
        private final Map<String, Set<Integer>> sitesByHost = new HashMap<>();
        private final Map<String, List<String>> newNestMembers = new HashMap<>();
        private final Map<String, Map<String, byte[]>> generatedByHost = new HashMap<>();
        private int rewritten;
        private final Map<String, Integer> refused = new HashMap<>();
        private int sites;

        Rewrite(ClassIndex index, Predicate<String> wanted) {
            this.index = index;
            this.generator = new LambdaClassGenerator(index);
            this.wanted = wanted;
        }

        void plan(String host, byte[] bytes) {
            int version = index.info(host).orElseThrow().version();
            int[] ordinal = {0};
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInvokeDynamicInsn(String siteName, String siteDescriptor, Handle bootstrap,
                                                           Object... arguments) {
                            LambdaClassGenerator.CallSite site = new LambdaClassGenerator.CallSite(siteName,
                                    siteDescriptor, bootstrap, arguments);
                            if (site.isLambda()) {
                                plan(host, version, ordinal[0]++, site);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String descriptor,
                                                    boolean isInterface) {
                            if (isRewrittenSite(host, opcode, owner, method)) {
                                sites++;
                                ordinal[0]++;
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }

        private void plan(String host, int version, int ordinal, LambdaClassGenerator.CallSite site) {
            sites++;
            String className = host + SUFFIX + ordinal;
            if (!wanted.test(className)) {
                return;
            }
            try {
                if (index.exists(className)) {
                    throw new LambdaClassGenerator.NotRewritable("name taken");
                }
                byte[] bytes = generator.generate(host, version, className, site);
                rewritten++;
                generatedByHost.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(className, bytes);
                sitesByHost.computeIfAbsent(host, h -> new HashSet<>()).add(ordinal);
                newNestMembers.computeIfAbsent(index.nestHostOf(host), h -> new ArrayList<>()).add(className);
            } catch (LambdaClassGenerator.NotRewritable e) {
                refused.merge(e.getMessage(), 1, Integer::sum);
            }
        }

        Map<String, byte[]> generatedFor(String host) {
            return generatedByHost.getOrDefault(host, Map.of());
        }

        byte[] rewrite(String name, byte[] bytes) {
            Set<Integer> rewritten = sitesByHost.getOrDefault(name, Set.of());
            List<String> members = newNestMembers.getOrDefault(name, List.of());
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(reader, 0);
            int[] ordinal = {0};
            boolean nest = !rewritten.isEmpty() || !members.isEmpty();
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String className, String signature, String superName,
                                  String[] interfaces) {
                    // A nest needs class files of Java 11 or later: the JVM ignores nest attributes in older ones.
                    boolean older = (version & 0xFFFF) < Opcodes.V11;
                    super.visit(nest && older ? Opcodes.V11 : version, access, className, signature, superName,
                            interfaces);
                }

                @Override
                public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, methodName, descriptor,
                            signature, exceptions)) {
                        @Override
                        public void visitInvokeDynamicInsn(String siteName, String siteDescriptor, Handle bootstrap,
                                                           Object... arguments) {
                            if (bootstrap.getOwner().equals(LambdaClassGenerator.METAFACTORY)
                                    && rewritten.contains(ordinal[0]++)) {
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, name + SUFFIX + (ordinal[0] - 1),
                                        LambdaClassGenerator.FACTORY, siteDescriptor, false);
                                return;
                            }
                            super.visitInvokeDynamicInsn(siteName, siteDescriptor, bootstrap, arguments);
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String descriptor,
                                                    boolean isInterface) {
                            if (isRewrittenSite(name, opcode, owner, method)) {
                                ordinal[0]++;
                            }
                            super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
                        }

                        @Override
                        public void visitLocalVariable(String variable, String descriptor, String signature,
                                                       Label start, Label end, int slot) {
                            // Dropped: only debuggers read local variable tables.
                        }
                    };
                }

                @Override
                public void visitEnd() {
                    for (String member : members) {
                        super.visitNestMember(member);
                    }
                    super.visitEnd();
                }
            }, 0);
            return writer.toByteArray();
        }
    }

    /** The entries of a jar, by name, in its order. */
    static Map<String, byte[]> entries(Path jar) throws IOException {
        return entries(jar, new HashMap<>());
    }

    /** The same, and each entry's time into {@code times}. */
    private static Map<String, byte[]> entries(Path jar, Map<String, Long> times) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
                times.put(entry.getName(), entry.getTime());
            }
        }
        return entries;
    }
}
