package dev.herald.apicheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module as text, one line per type and member, checked against the module's
 * {@code api.txt} in {@code verify} so that an accidental public API change fails the build, and
 * written there by {@code -Paccept-api} when the change is meant.
 *
 * <p>A single source file with no dependencies: the build runs it with {@code java ApiCheck.java}
 * (the JDK's source launcher), so it needs no build order and works for {@code -pl} of any module.
 * Arguments: {@code <classes dir> <api file> <check|accept> <module> <report file>}; the classes and
 * everything their signatures name must be on the class path. A difference is printed and written
 * to the report file, and the exit status is {@value #CHANGED}: the build then fails on the report
 * file's presence (the enforcer's message repeats the accept command as the build's last word).
 *
 * <p>The API is every public type of an API package (every package, less those with an
 * {@code internal} segment; the exported ones when the module has a {@code module-info}), nested
 * public or protected types of those, and their public and protected constructors, methods and
 * fields — with generic types, modifiers and checked exceptions — including members a public type
 * inherits from a superclass that is not itself API.
 */
public final class ApiCheck {

    /** The exit status when the API differs from the accepted file (or that file is missing). */
    static final int CHANGED = 3;

    private ApiCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5 || !Set.of("check", "accept").contains(args[2])) {
            System.err.println("usage: java ApiCheck.java <classes dir> <api file> <check|accept> <module> <report file>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path apiFile = Path.of(args[1]);
        String module = args[3];
        Path report = Path.of(args[4]);
        Files.deleteIfExists(report);
        if (!Files.isDirectory(classes)) {
            return; // a module with nothing compiled (the parent POM) has no API
        }
        List<String> api = signatures(classes, ApiCheck.class.getClassLoader());
        if (args[2].equals("accept")) {
            accept(apiFile, module, api);
            System.out.println("[api] " + module + ": " + apiFile + " accepted (" + api.size() + " lines)");
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        if (!check(apiFile, module, api, new PrintStream(text, true, StandardCharsets.UTF_8))) {
            System.err.print(text.toString(StandardCharsets.UTF_8));
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.write(report, text.toByteArray());
            System.exit(CHANGED);
        }
    }

    /** The command that accepts a module's API, as the failure message prints it. */
    static String acceptCommand(String module) {
        return "./mvnw -B -q -pl " + module + " -am -Paccept-api verify -DskipTests";
    }

    /** Writes {@code api} to {@code apiFile}, under a header that says how it is checked. */
    static void accept(Path apiFile, String module, List<String> api) throws IOException {
        List<String> lines = new ArrayList<>(header(module));
        lines.addAll(api);
        Files.write(apiFile, lines, StandardCharsets.UTF_8);
    }

    /**
     * Compares {@code api} with the accepted file; on a difference prints what was added and
     * removed and how to accept it, to {@code out}.
     *
     * @return true if and only if the file exists and lists exactly {@code api}
     */
    static boolean check(Path apiFile, String module, List<String> api, PrintStream out) throws IOException {
        if (!Files.exists(apiFile)) {
            out.println("[api] " + module + " has no accepted API file " + apiFile + ".");
            out.println("[api] Write it, then commit it: " + acceptCommand(module));
            return false;
        }
        List<String> accepted = Files.readAllLines(apiFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).toList();
        if (accepted.equals(api)) {
            return true;
        }
        Set<String> before = new TreeSet<>(accepted);
        Set<String> after = new TreeSet<>(api);
        List<String> removed = accepted.stream().filter(line -> !after.contains(line)).toList();
        List<String> added = api.stream().filter(line -> !before.contains(line)).toList();
        out.println("[api] The public API of " + module + " changed (" + removed.size() + " removed, "
                + added.size() + " added; compared with " + apiFile + "):");
        removed.forEach(line -> out.println("-  " + line.strip()));
        added.forEach(line -> out.println("+  " + line.strip()));
        if (removed.isEmpty() && added.isEmpty()) {
            out.println("   (the same lines in another order)");
        }
        out.println("[api] If the change is meant, accept it and commit " + apiFile.getFileName() + " with it:");
        out.println("[api]   " + acceptCommand(module));
        out.println("[api] If not, make the change package-private (or move it to an internal package).");
        return false;
    }

    private static List<String> header(String module) {
        return List.of(
                "# The public API of " + module + ", one line per type and member (generated by herald-api-check).",
                "# `verify` fails when the compiled API differs. Accept a change you mean, then commit this file:",
                "#   " + acceptCommand(module));
    }

    /**
     * The API lines of the classes under {@code classes}, loaded (not initialised) through
     * {@code loader}: each type's line, then its members' lines indented by two spaces, types in
     * name order and members sorted within their type.
     */
    public static List<String> signatures(Path classes, ClassLoader loader) throws IOException {
        Set<String> exported = exportedPackages(classes);
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .filter(name -> !name.equals("module-info.class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .toList();
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " (is everything its API names on the class path?): " + e, e);
            }
            if (isApi(type, exported)) {
                lines.add(typeLine(type));
                lines.addAll(memberLines(type));
            }
        }
        return lines;
    }

    /** The packages a {@code module-info.class} exports to everyone, or null when there is none. */
    private static Set<String> exportedPackages(Path classes) {
        Path descriptor = classes.resolve("module-info.class");
        if (!Files.exists(descriptor)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(descriptor)) {
            return ModuleDescriptor.read(in).exports().stream()
                    .filter(export -> !export.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isApi(Class<?> type, Set<String> exported) {
        String packageName = type.getPackageName();
        boolean apiPackage = exported == null
                ? !Arrays.asList(packageName.split("\\.")).contains("internal")
                : exported.contains(packageName);
        if (!apiPackage || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            boolean nested = t.getDeclaringClass() != null;
            if (!Modifier.isPublic(t.getModifiers()) && !(nested && Modifier.isProtected(t.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    static String typeLine(Class<?> type) {
        StringBuilder line = new StringBuilder();
        int modifiers = type.getModifiers() & (type.isInterface() ? Modifier.interfaceModifiers() : Modifier.classModifiers());
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            modifiers &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isInterface()) {
            kind = "interface";
            modifiers &= ~Modifier.ABSTRACT;
        } else if (type.isEnum()) {
            kind = "enum";
            modifiers &= ~(Modifier.FINAL | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            modifiers &= ~Modifier.FINAL;
        } else {
            kind = "class";
        }
        append(line, Modifier.toString(modifiers));
        if (type.isSealed()) {
            append(line, "sealed");
        } else if (isNonSealed(type)) {
            append(line, "non-sealed");
        }
        append(line, kind);
        append(line, type.getName() + typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces())
                .filter(i -> !(type.isAnnotation() && i == java.lang.annotation.Annotation.class))
                .map(Type::getTypeName).toList();
        if (!interfaces.isEmpty()) {
            line.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static boolean isNonSealed(Class<?> type) {
        if (type.isSealed() || Modifier.isFinal(type.getModifiers())) {
            return false;
        }
        Class<?> superclass = type.getSuperclass();
        return superclass != null && superclass.isSealed()
                || Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
    }

    /** The members of {@code type}, and those it inherits from superclasses that are not API. */
    private static List<String> memberLines(Class<?> type) {
        Set<String> lines = new TreeSet<>();
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c != type && Modifier.isPublic(c.getModifiers())) {
                break; // a public superclass is API of its own, or a dependency's
            }
            String from = c == type ? "" : "  (from " + c.getName() + ")";
            for (Field field : c.getDeclaredFields()) {
                if (visible(field, extensible) && !field.isSynthetic()) {
                    lines.add("  " + modifiers(field.getModifiers() & Modifier.fieldModifiers())
                            + field.getGenericType().getTypeName() + " " + field.getName() + from);
                }
            }
            if (c == type) {
                for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                    if (visible(constructor, extensible) && !constructor.isSynthetic()) {
                        lines.add("  " + executable(constructor, constructor.getModifiers() & Modifier.constructorModifiers(), "", "new"));
                    }
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (visible(method, extensible) && !method.isSynthetic() && !method.isBridge()) {
                    int modifiers = method.getModifiers() & Modifier.methodModifiers();
                    if (type.isInterface()) {
                        modifiers &= ~Modifier.ABSTRACT; // implied, as public is not in the source
                    }
                    String prefix = method.isDefault() ? "default " : "";
                    lines.add("  " + executable(method, modifiers, prefix,
                            method.getGenericReturnType().getTypeName() + " " + method.getName()) + from);
                }
            }
        }
        return List.copyOf(lines);
    }

    private static boolean visible(Member member, boolean extensible) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || extensible && Modifier.isProtected(modifiers);
    }

    private static String executable(Executable executable, int modifiers, String prefix, String returnAndName) {
        StringBuilder line = new StringBuilder(modifiers(modifiers)).append(prefix);
        String typeParameters = typeParameters(executable.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            line.append(typeParameters).append(' ');
        }
        line.append(returnAndName).append('(');
        Type[] parameters = executable.getGenericParameterTypes();
        if (parameters.length != executable.getParameterCount()) {
            parameters = executable.getParameterTypes(); // inner classes' and enums' implicit parameters
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getTypeName();
            if (executable.isVarArgs() && i == parameters.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        line.append(String.join(", ", names)).append(')');
        Type[] exceptions = executable.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            line.append(" throws ").append(Arrays.stream(exceptions).map(Type::getTypeName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(variable -> {
            List<String> bounds = Arrays.stream(variable.getBounds())
                    .filter(bound -> bound != Object.class).map(Type::getTypeName).toList();
            return bounds.isEmpty() ? variable.getName() : variable.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers);
        return text.isEmpty() ? "" : text + " ";
    }

    private static void append(StringBuilder line, String word) {
        if (!word.isEmpty()) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
    }
}
