package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ee10.JettyContainer;
import dev.testlet.engine.spi.Engines;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Many apps in one JVM and parallel tests must not interfere, so Testlet's classes hold no static
 * mutable state. Every static field of every class in the engine and the DSL must be final and of an
 * immutable kind; the one documented exception is the thread-confined binding of the current test.
 */
class NoStaticStateTest {

    private static final Pattern OPTIONAL_BACKENDS = Pattern.compile("(ch/qos/logback|org/apache/logging/log4j)/");

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Boolean.class,
            java.time.Duration.class, Pattern.class, Class.class, Object[].class,
            org.junit.jupiter.api.extension.ExtensionContext.Namespace.class); // a JUnit store key: immutable

    /** Fields allowed although their type could hold state, with the reason. */
    private static final Map<String, String> DOCUMENTED = Map.of(
            "dev.testlet.internal.TestBinding.CURRENT", "thread-confined binding of the running test, set by the extension",
            "dev.testlet.engine.Headers.EMPTY", "an immutable empty instance",
            "dev.testlet.Testlet$DefaultMapper.INSTANCE", "a Jackson 3 mapper: immutable once built, thread-safe caches",
            "dev.testlet.engine.internal.mount.Containers.AVAILABLE", "the stateless EE containers on the class path, found once",
            "dev.testlet.internal.OpenedAt.WALKER", "a StackWalker: immutable and thread-safe",
            "dev.testlet.engine.internal.transport.Tracking.NONE", "a stateless no-op, for servers outside this JVM");

    @Test
    void every_static_field_is_a_final_constant() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Class<?> type : classesOf(Testlet.class, Engines.class, JettyContainer.class)) {
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (!Modifier.isStatic(m) || field.isSynthetic() || field.getName().equals("$VALUES")) {
                    continue;
                }
                String id = type.getName() + "." + field.getName();
                if (!Modifier.isFinal(m)) {
                    violations.add(id + " is static but not final");
                } else if (!isConstantKind(field) && !DOCUMENTED.containsKey(id)) {
                    violations.add(id + " is a static " + field.getType().getName() + ", which may hold state");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static boolean isConstantKind(Field field) {
        Class<?> t = field.getType();
        return t.isPrimitive() || t.isEnum() || IMMUTABLE.contains(t)
                || (t.isArray() && t.getComponentType().isPrimitive() && isPrivateConstantArray(field))
                || (t.isInterface() && t.isAnnotationPresent(FunctionalInterface.class))
                || java.util.Comparator.class.equals(t) || isUnmodifiableCollection(field);
    }

    /** A List, Set or Map field whose value cannot be changed (List.of, Map.of...). */
    private static boolean isUnmodifiableCollection(Field field) {
        if (!java.util.Collection.class.isAssignableFrom(field.getType()) && !Map.class.isAssignableFrom(field.getType())) {
            return false;
        }
        try {
            field.setAccessible(true);
            Object value = field.get(null);
            return value != null && (value.getClass().getName().startsWith("java.util.ImmutableCollections")
                    || value.getClass().getName().startsWith("java.util.Collections$Unmodifiable"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Private byte and char tables that the class only reads (their users are checked by review). */
    private static boolean isPrivateConstantArray(Field field) {
        return Modifier.isPrivate(field.getModifiers());
    }

    private static List<Class<?>> classesOf(Class<?>... anchors) throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> anchor : anchors) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                collect(location, classes);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    collect(jar.getPath("/"), classes);
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(30);
        return classes;
    }

    private static void collect(Path root, List<Class<?>> into) throws IOException, ClassNotFoundException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith("dev.testlet") && !name.endsWith("module-info") && !name.endsWith("package-info")) {
                    try {
                        Class<?> type = Class.forName(name, false, NoStaticStateTest.class.getClassLoader());
                        type.getDeclaredFields();   // resolves the fields' types
                        into.add(type);
                    } catch (NoClassDefFoundError e) {
                        // The Logback and Log4j 2 adapters need their backend; they are checked in the
                        // log-backends run, whose class path has both.
                        if (!OPTIONAL_BACKENDS.matcher(String.valueOf(e.getMessage())).lookingAt()) {
                            throw e;
                        }
                    }
                }
            }
        }
    }
}
