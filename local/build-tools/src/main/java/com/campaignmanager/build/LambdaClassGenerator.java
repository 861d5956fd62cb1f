package com.campaignmanager.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes, for one {@code LambdaMetafactory} call site, the class the JDK would otherwise spin when the site first
 * runs: final, implementing the functional interface (and any marker interfaces and bridges of an
 * {@code altMetafactory} site), one field per captured value, and a static {@value #FACTORY} method with the call
 * site's own descriptor, which the rewritten host calls instead of {@code invokedynamic}. A site that captures
 * nothing answers one shared instance, as the JDK's does. The class joins its host's nest, so that it may call the
 * host's private lambda bodies as the JDK's hidden class does; sites it cannot reproduce exactly (serializable
 * lambdas, {@code super::m}, protected members of another package, private members of another nest) are refused and
 * stay as they are.
 */
final class LambdaClassGenerator {
    static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    static final String FACTORY = "lambda$instance";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;

    /** Why a site stays an {@code invokedynamic}. */
    static final class NotRewritable extends Exception {
        private static final long serialVersionUID = 1L;

        NotRewritable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An {@code invokedynamic} instruction: its name, descriptor, bootstrap method and bootstrap arguments. */
    record CallSite(String name, String descriptor, Handle bootstrap, Object[] arguments) {
        boolean isLambda() {
            return bootstrap.getOwner().equals(METAFACTORY);
        }
    }

    private final ClassIndex index;

    LambdaClassGenerator(ClassIndex index) {
        this.index = index;
    }

    /** The class file of {@code className} for {@code site} in {@code host} (a class file of {@code hostVersion}). */
    byte[] generate(String host, int hostVersion, String className, CallSite site) throws NotRewritable {
        Object[] args = site.arguments();
        Type samType = (Type) args[0];
        Handle implementation = (Handle) args[1];
        Type instantiated = (Type) args[2];
        List<String> interfaces = new ArrayList<>();
        interfaces.add(Type.getMethodType(site.descriptor()).getReturnType().getInternalName());
        List<Type> methodTypes = new ArrayList<>(List.of(samType));
        if (site.bootstrap().getName().equals("altMetafactory")) {
            int flags = (Integer) args[3];
            if ((flags & FLAG_SERIALIZABLE) != 0) {
                throw new NotRewritable("serializable");
            }
            int i = 4;
            if ((flags & FLAG_MARKERS) != 0) {
                int count = (Integer) args[i++];
                for (int k = 0; k < count; k++) {
                    interfaces.add(((Type) args[i++]).getInternalName());
                }
            }
            if ((flags & FLAG_BRIDGES) != 0) {
                int count = (Integer) args[i++];
                for (int k = 0; k < count; k++) {
                    Type bridge = (Type) args[i++];
                    if (!methodTypes.contains(bridge)) {
                        methodTypes.add(bridge);
                    }
                }
            }
        } else if (!site.bootstrap().getName().equals("metafactory")) {
            throw new NotRewritable("bootstrap " + site.bootstrap().getName());
        }
        checkAccess(host, implementation);
        Type[] captured = Type.getMethodType(site.descriptor()).getArgumentTypes();
        List<Type> casts = new ArrayList<>(Arrays.asList(captured));
        casts.addAll(Arrays.asList(instantiated.getArgumentTypes()));
        casts.add(instantiated.getReturnType());
        casts.addAll(Arrays.asList(Type.getMethodType(implementation.getDesc()).getArgumentTypes()));
        casts.add(Type.getObjectType(implementation.getOwner()));
        for (Type type : casts) {
            checkAccessible(host, type);
        }

        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        // Nest attributes count from class files of Java 11 (the JVM ignores them in older ones).
        cw.visit(Math.max(hostVersion, Opcodes.V11), Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                className, null, "java/lang/Object", interfaces.toArray(String[]::new));
        cw.visitNestHost(index.nestHostOf(host));
        for (int i = 0; i < captured.length; i++) {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, field(i), captured[i].getDescriptor(), null, null)
                    .visitEnd();
        }
        constructor(cw, className, captured);
        factory(cw, className, site.descriptor(), captured);
        for (Type methodType : methodTypes) {
            implementation(cw, className, site.name(), methodType, instantiated, implementation, captured);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private void checkAccess(String host, Handle implementation) throws NotRewritable {
        String owner = implementation.getOwner();
        ClassIndex.ClassInfo ownerInfo = index.info(owner)
                .orElseThrow(() -> new NotRewritable("unknown class " + owner));
        boolean samePackage = packageOf(owner).equals(packageOf(host));
        if (!ownerInfo.isPublic() && !samePackage) {
            throw new NotRewritable("class of another package");
        }
        int access = index.methodAccess(owner, implementation.getName(), implementation.getDesc())
                .orElseThrow(() -> new NotRewritable("unknown member " + owner + "." + implementation.getName()));
        boolean isPrivate = (access & Opcodes.ACC_PRIVATE) != 0;
        if (isPrivate && !index.nestHostOf(owner).equals(index.nestHostOf(host))) {
            throw new NotRewritable("private member of another nest");
        }
        if ((access & Opcodes.ACC_PROTECTED) != 0 && !samePackage) {
            throw new NotRewritable("protected member of another package");
        }
        if (implementation.getTag() == Opcodes.H_INVOKESPECIAL && !(isPrivate && owner.equals(host))) {
            throw new NotRewritable("super call");
        }
    }

    /** A type the class casts to must be one its package can name (so is one its host could). */
    private void checkAccessible(String host, Type type) throws NotRewritable {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() != Type.OBJECT) {
            return;
        }
        String name = element.getInternalName();
        ClassIndex.ClassInfo info = index.info(name).orElseThrow(() -> new NotRewritable("unknown class " + name));
        if (!info.isPublic() && !packageOf(name).equals(packageOf(host))) {
            throw new NotRewritable("class of another package");
        }
    }

    private static void constructor(ClassWriter cw, String className, Type[] captured) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", Type.getMethodDescriptor(Type.VOID_TYPE,
                captured), null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        int slot = 1;
        for (int i = 0; i < captured.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
            mv.visitFieldInsn(Opcodes.PUTFIELD, className, field(i), captured[i].getDescriptor());
            slot += captured[i].getSize();
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void factory(ClassWriter cw, String className, String siteDescriptor, Type[] captured) {
        String self = Type.getObjectType(className).getDescriptor();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, FACTORY, siteDescriptor, null, null);
        mv.visitCode();
        if (captured.length == 0) {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE", self, null, null)
                    .visitEnd();
            MethodVisitor init = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            init.visitCode();
            init.visitTypeInsn(Opcodes.NEW, className);
            init.visitInsn(Opcodes.DUP);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, className, "<init>", "()V", false);
            init.visitFieldInsn(Opcodes.PUTSTATIC, className, "INSTANCE", self);
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
            mv.visitFieldInsn(Opcodes.GETSTATIC, className, "INSTANCE", self);
        } else {
            mv.visitTypeInsn(Opcodes.NEW, className);
            mv.visitInsn(Opcodes.DUP);
            int slot = 0;
            for (Type type : captured) {
                mv.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
                slot += type.getSize();
            }
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, className, "<init>",
                    Type.getMethodDescriptor(Type.VOID_TYPE, captured), false);
        }
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The interface method (or a bridge): the captured values, then its arguments, adapted as the JDK adapts them. */
    private static void implementation(ClassWriter cw, String className, String name, Type methodType,
                                       Type instantiated, Handle implementation, Type[] captured) throws NotRewritable {
        int tag = implementation.getTag();
        Type implementationType = Type.getMethodType(implementation.getDesc());
        List<Type> targets = new ArrayList<>();
        if (tag != Opcodes.H_INVOKESTATIC && tag != Opcodes.H_NEWINVOKESPECIAL) {
            targets.add(Type.getObjectType(implementation.getOwner()));
        }
        targets.addAll(Arrays.asList(implementationType.getArgumentTypes()));
        Type[] parameters = methodType.getArgumentTypes();
        Type[] instantiatedParameters = instantiated.getArgumentTypes();
        if (captured.length + parameters.length != targets.size() || parameters.length != instantiatedParameters.length) {
            throw new NotRewritable("arity");
        }
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, methodType.getDescriptor(), null, null);
        mv.visitCode();
        if (tag == Opcodes.H_NEWINVOKESPECIAL) {
            mv.visitTypeInsn(Opcodes.NEW, implementation.getOwner());
            mv.visitInsn(Opcodes.DUP);
        }
        int target = 0;
        for (int i = 0; i < captured.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, className, field(i), captured[i].getDescriptor());
            convert(mv, captured[i], targets.get(target++));
        }
        int slot = 1;
        for (int i = 0; i < parameters.length; i++) {
            mv.visitVarInsn(parameters[i].getOpcode(Opcodes.ILOAD), slot);
            slot += parameters[i].getSize();
            convert(mv, parameters[i], instantiatedParameters[i]);
            convert(mv, instantiatedParameters[i], targets.get(target++));
        }
        String owner = implementation.getOwner();
        boolean itf = implementation.isInterface();
        switch (tag) {
            case Opcodes.H_INVOKESTATIC -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, implementation.getName(),
                    implementation.getDesc(), itf);
            // A private method of a nestmate is called with invokevirtual (invokeinterface in an interface).
            case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKESPECIAL, Opcodes.H_INVOKEINTERFACE -> mv.visitMethodInsn(
                    itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, owner, implementation.getName(),
                    implementation.getDesc(), itf);
            case Opcodes.H_NEWINVOKESPECIAL -> mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>",
                    implementation.getDesc(), false);
            default -> throw new NotRewritable("method handle kind " + tag);
        }
        Type returned = tag == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(owner)
                : implementationType.getReturnType();
        Type expected = methodType.getReturnType();
        if (expected.getSort() == Type.VOID) {
            if (returned.getSize() == 1) {
                mv.visitInsn(Opcodes.POP);
            } else if (returned.getSize() == 2) {
                mv.visitInsn(Opcodes.POP2);
            }
            mv.visitInsn(Opcodes.RETURN);
        } else {
            if (returned.getSort() == Type.VOID) {
                throw new NotRewritable("no value to return");
            }
            convert(mv, returned, instantiated.getReturnType());
            convert(mv, instantiated.getReturnType(), expected);
            mv.visitInsn(expected.getOpcode(Opcodes.IRETURN));
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static final Map<Integer, Type> WRAPPERS = Map.of(
            Type.BOOLEAN, Type.getObjectType("java/lang/Boolean"), Type.CHAR, Type.getObjectType("java/lang/Character"),
            Type.BYTE, Type.getObjectType("java/lang/Byte"), Type.SHORT, Type.getObjectType("java/lang/Short"),
            Type.INT, Type.getObjectType("java/lang/Integer"), Type.FLOAT, Type.getObjectType("java/lang/Float"),
            Type.LONG, Type.getObjectType("java/lang/Long"), Type.DOUBLE, Type.getObjectType("java/lang/Double"));
    private static final List<Type> PRIMITIVES = List.of(Type.BOOLEAN_TYPE, Type.CHAR_TYPE, Type.BYTE_TYPE,
            Type.SHORT_TYPE, Type.INT_TYPE, Type.FLOAT_TYPE, Type.LONG_TYPE, Type.DOUBLE_TYPE);
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private static boolean isPrimitive(Type type) {
        return type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE;
    }

    private static Type unboxed(Type wrapper) {
        return PRIMITIVES.stream().filter(p -> WRAPPERS.get(p.getSort()).equals(wrapper)).findFirst().orElse(null);
    }

    /** Boxing, unboxing, widening and casts: the conversions {@code LambdaMetafactory} applies. */
    static void convert(MethodVisitor mv, Type from, Type to) throws NotRewritable {
        if (from.equals(to)) {
            return;
        }
        if (isPrimitive(from) && isPrimitive(to)) {
            widen(mv, from, to);
        } else if (isPrimitive(from)) {
            Type wrapper = WRAPPERS.get(from.getSort());
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(wrapper, from), false);
            if (!to.equals(wrapper) && !to.equals(OBJECT)) {
                mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
            }
        } else if (isPrimitive(to)) {
            Type primitive = unboxed(from);
            if (primitive == null) {
                primitive = to;
                mv.visitTypeInsn(Opcodes.CHECKCAST, WRAPPERS.get(to.getSort()).getInternalName());
            }
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, WRAPPERS.get(primitive.getSort()).getInternalName(),
                    primitive.getClassName() + "Value", Type.getMethodDescriptor(primitive), false);
            widen(mv, primitive, to);
        } else if (!to.equals(OBJECT)) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
        }
    }

    private static void widen(MethodVisitor mv, Type from, Type to) throws NotRewritable {
        if (from.equals(to)) {
            return;
        }
        int f = from.getSort();
        int t = to.getSort();
        boolean fromInt = f == Type.BYTE || f == Type.SHORT || f == Type.CHAR || f == Type.INT;
        if (fromInt && (t == Type.INT || (t == Type.SHORT && f == Type.BYTE))) {
            return;
        }
        int opcode;
        if (fromInt && t == Type.LONG) {
            opcode = Opcodes.I2L;
        } else if (fromInt && t == Type.FLOAT) {
            opcode = Opcodes.I2F;
        } else if (fromInt && t == Type.DOUBLE) {
            opcode = Opcodes.I2D;
        } else if (f == Type.LONG && t == Type.FLOAT) {
            opcode = Opcodes.L2F;
        } else if (f == Type.LONG && t == Type.DOUBLE) {
            opcode = Opcodes.L2D;
        } else if (f == Type.FLOAT && t == Type.DOUBLE) {
            opcode = Opcodes.F2D;
        } else {
            throw new NotRewritable("narrowing " + from + " to " + to);
        }
        mv.visitInsn(opcode);
    }

    private static String field(int i) {
        return "arg$" + (i + 1);
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
