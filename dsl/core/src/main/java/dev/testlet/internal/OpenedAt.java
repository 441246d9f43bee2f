package dev.testlet.internal;

import java.util.Optional;

/**
 * Where a test opened something: the first stack frame outside Testlet itself, as
 * {@code ItemsTest.lists_items(ItemsTest.java:42)}.
 */
public final class OpenedAt {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private OpenedAt() {}

    /**
     * The caller's place in the test.
     *
     * @return the first frame not in Testlet's own code, or "an unknown place"
     */
    public static String here() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> !isTestlet(f.getDeclaringClass()))
                .findFirst());
        return frame.map(f -> f.toStackTraceElement().toString().replaceFirst("^[^/]*/", ""))
                .orElse("an unknown place");
    }

    private static boolean isTestlet(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("kotlin.")) {
            return true;
        }
        return type.getProtectionDomain().getCodeSource() != null
                && type.getProtectionDomain().getCodeSource().equals(OpenedAt.class.getProtectionDomain().getCodeSource());
    }
}
