package io.github.oidcservlet.filter.javax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The relocated jar as built: every class is there under its javax name, nothing names {@code jakarta} any more, and
 * every {@code javax.servlet} method its classes call exists in the Servlet 4.0.1 API (a Servlet 5/6-only method
 * would be a {@code NoSuchMethodError} on Tomcat 9). Reads the constant pools of the jar's class files.
 */
class Servlet4ApiIT {

    private static final String JAR = System.getProperty("filter.javax.jar");

    @Test
    void theJarHoldsTheFilterUnderItsJavaxNames() throws IOException {
        try (ZipFile jar = new ZipFile(JAR)) {
            assertThat(Collections.list(jar.entries())).extracting(ZipEntry::getName)
                    .contains("io/github/oidcservlet/filter/OidcFilter.class",
                            "io/github/oidcservlet/filter/OidcRequest.class",
                            "io/github/oidcservlet/filter/internal/JavaxServletBinding.class")
                    .noneMatch(name -> name.contains("Jakarta"));
        }
    }

    @Test
    void nothingNamesJakartaAndEveryServletMemberCalledIsInServlet4() throws Exception {
        List<String> problems = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        try (ZipFile jar = new ZipFile(JAR)) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    ConstantPool pool = ConstantPool.read(in);
                    pool.utf8().stream().filter(text -> text.contains("jakarta"))
                            .forEach(text -> problems.add(entry.getName() + " still names " + text));
                    for (String[] ref : pool.methodRefs()) {
                        if (ref[0].startsWith("javax/servlet/")) {
                            checked.add(ref[0] + "." + ref[1] + ref[2]);
                            if (!existsInServlet4(ref[0], ref[1], ref[2])) {
                                problems.add(entry.getName() + " calls " + ref[0] + "." + ref[1] + ref[2]
                                        + ", which Servlet 4.0 does not have");
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("the binding's calls were seen").contains(
                "javax/servlet/http/HttpServletRequest.changeSessionId()Ljava/lang/String;",
                "javax/servlet/http/HttpServletResponse.flushBuffer()V");
    }

    /** Whether the class or one of its supertypes declares the method (resolution as the JVM does it). */
    private static boolean existsInServlet4(String internalName, String name, String descriptor) {
        Class<?> owner;
        try {
            owner = Class.forName(internalName.replace('/', '.'), false, Servlet4ApiIT.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            return false;
        }
        if (name.equals("<init>")) {
            // JVMS §5.4.3.3: a constructor is resolved in its own class only
            for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
                if (MethodType.methodType(void.class, constructor.getParameterTypes()).toMethodDescriptorString()
                        .equals(descriptor)) {
                    return true;
                }
            }
            return false;
        }
        Deque<Class<?>> types = new ArrayDeque<>(List.of(owner));
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && MethodType.methodType(method.getReturnType(),
                        method.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                    return true;
                }
            }
            if (type.getSuperclass() != null) {
                types.push(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return false;
    }

    /** The parts of a class file's constant pool (JVMS §4.4) this test reads. */
    private record ConstantPool(Object[] entries) {

        static ConstantPool read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            Object[] entries = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> entries[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // JVMS §4.4.5: takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> entries[i] = new int[] {tag, in.readUnsignedShort()};
                    case 9, 10, 11, 12, 17, 18 -> entries[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> entries[i] = new int[] {tag, in.readUnsignedByte(), in.readUnsignedShort()};
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return new ConstantPool(entries);
        }

        List<String> utf8() {
            List<String> texts = new ArrayList<>();
            for (Object entry : entries) {
                if (entry instanceof String text) {
                    texts.add(text);
                }
            }
            return texts;
        }

        /** Each method reference as {owner's internal name, name, descriptor}. */
        List<String[]> methodRefs() {
            List<String[]> refs = new ArrayList<>();
            for (Object entry : entries) {
                if (entry instanceof int[] ref && (ref[0] == 10 || ref[0] == 11)) {
                    int[] owner = (int[]) entries[ref[1]];
                    int[] nameAndType = (int[]) entries[ref[2]];
                    refs.add(new String[] {(String) entries[owner[1]], (String) entries[nameAndType[1]],
                            (String) entries[nameAndType[2]]});
                }
            }
            return refs;
        }
    }
}
