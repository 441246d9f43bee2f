package dev.testlet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Jars of text entries for the dependency checks, which read resources only: a {@code .class} entry
 * holds text that is not a class file, so a check that passes over it has loaded nothing.
 *
 * <pre>{@code Path jar = FakeJars.write(dir.resolve("jetty-server-12.0.29.jar"), Map.of(JettyCheck.MARKER, FakeJars.NOT_A_CLASS));}</pre>
 */
final class FakeJars {

    /** Not a class file: loading it would fail. */
    static final String NOT_A_CLASS = "not a class file";

    private FakeJars() {}

    /** Writes a jar with these entries (name to text) at {@code jar}. */
    static Path write(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A class loader that sees only these jars (and the JDK); close it after use. */
    static URLClassLoader loaderOf(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
