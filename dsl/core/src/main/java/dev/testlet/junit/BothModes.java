package dev.testlet.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The runs of an {@link InBothModes} class: in-process, then served ({@code -Dtestlet.mode} narrows them
 * to one). Each run tells {@link TestletExtension} its mode through JUnit's store, and starts and stops the
 * apps of the extensions on the class's static fields. Used through the
 * annotation; not meant to be registered by hand.
 */
public final class BothModes implements ClassTemplateInvocationContextProvider, BeforeClassTemplateInvocationCallback,
        AfterClassTemplateInvocationCallback {

    /** JUnit creates it. */
    public BothModes() {}

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Mode chosen = Mode.parse(context.getConfigurationParameter(Mode.PROPERTY).orElse(System.getProperty(Mode.PROPERTY)));
        return (chosen == null ? Stream.of(Mode.IN_PROCESS, Mode.SERVED) : Stream.of(chosen)).map(Run::new);
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) {
        extensionsOf(context).forEach(e -> e.startRun(context));
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        extensionsOf(context).forEach(e -> e.stopRun(context));
    }

    /** The class's extensions on static fields: those start an app per run (instance ones, per test). */
    private static java.util.List<TestletExtension> extensionsOf(ExtensionContext context) {
        return context.getTestClass().map(c -> AnnotationSupport.findAnnotatedFieldValues(c, RegisterExtension.class,
                TestletExtension.class)).orElse(java.util.List.of());
    }

    /** One run of the class, in one mode. */
    private record Run(Mode mode) implements ClassTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + mode.label() + "]";
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(Mode.STORE).put(Mode.class, mode);
        }
    }
}
