package com.campaignmanager.build;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a rewrite leaves in a class file, counted over its methods: local variable table entries (none after a
 * rewrite), line number entries (kept), and calls of a lambda class's factory (one per rewritten site). For the
 * checks of the jars the build writes.
 */
public record ClassFileSummary(int localVariables, int lineNumbers, int lambdaClassCalls) {
    public static ClassFileSummary of(byte[] classFile) {
        int[] counts = new int[3];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLocalVariable(String variable, String desc, String sig, Label start, Label end,
                                                   int index) {
                        counts[0]++;
                    }

                    @Override
                    public void visitLineNumber(int line, Label start) {
                        counts[1]++;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                                                boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && method.equals(LambdaClassGenerator.FACTORY)
                                && owner.contains(DeployableJarRewrite.SUFFIX)) {
                            counts[2]++;
                        }
                    }
                };
            }
        }, 0);
        return new ClassFileSummary(counts[0], counts[1], counts[2]);
    }
}
