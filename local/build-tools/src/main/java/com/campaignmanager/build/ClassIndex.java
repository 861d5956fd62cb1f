package com.campaignmanager.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a rewrite needs to know of a class: its access, supertypes, methods' access and nest host. Classes are read
 * from the jar being rewritten, or else from the JDK the build runs on (the JDK's public API is the same on every
 * JDK 17 or later that runs the functions).
 */
final class ClassIndex {
    record ClassInfo(String name, int access, int version, String superName, String[] interfaces,
                     Map<String, Integer> methodAccess, String nestHost) {
        boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }
    }

    private final Map<String, byte[]> jarClasses;
    private final Map<String, Optional<ClassInfo>> infos = new HashMap<>();

    /** {@code jarClasses}: class file bytes by internal name ({@code a/b/C}). */
    ClassIndex(Map<String, byte[]> jarClasses) {
        this.jarClasses = jarClasses;
    }

    Optional<ClassInfo> info(String internalName) {
        return infos.computeIfAbsent(internalName, name -> Optional.ofNullable(bytes(name)).map(ClassIndex::read));
    }

    boolean exists(String internalName) {
        return info(internalName).isPresent();
    }

    /** The class's nest host: itself unless its class file names another (class files of Java 11 and later). */
    String nestHostOf(String internalName) {
        return info(internalName).map(ClassInfo::nestHost).orElse(internalName);
    }

    /** A method's access flags as resolution finds it from {@code owner} (its supertypes too), if found. */
    Optional<Integer> methodAccess(String owner, String name, String descriptor) {
        Optional<ClassInfo> info = info(owner);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Integer access = info.get().methodAccess().get(name + descriptor);
        if (access != null) {
            return Optional.of(access);
        }
        if (info.get().superName() != null) {
            Optional<Integer> inherited = methodAccess(info.get().superName(), name, descriptor);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        for (String itf : info.get().interfaces()) {
            Optional<Integer> inherited = methodAccess(itf, name, descriptor);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private byte[] bytes(String internalName) {
        byte[] bytes = jarClasses.get(internalName);
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassInfo read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Map<String, Integer> methods = new HashMap<>();
        String[] nestHost = {null};
        int[] version = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int classVersion, int access, String name, String signature, String superName,
                              String[] interfaces) {
                version[0] = classVersion & 0xFFFF;
            }

            @Override
            public void visitNestHost(String host) {
                nestHost[0] = host;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), reader.getAccess(), version[0], reader.getSuperName(),
                reader.getInterfaces(), methods, nestHost[0]);
    }
}
