package dev.testlet.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The hint a failed read gets when it involved a Kotlin class and the mapper cannot build Kotlin
 * classes: without {@code jackson-module-kotlin}, Jackson sees a data class as a Java class with no
 * usable constructor.
 *
 * <pre>{@code
 * KotlinModuleHint.addTo(facts, mapper, e, Item.class);
 * // to read Kotlin classes : add tools.jackson.module:jackson-module-kotlin:3.1.4 to the test dependencies; ...
 * }</pre>
 */
public final class KotlinModuleHint {

    /** The module's coordinates, without the version (it matches Jackson's). */
    static final String MODULE = "tools.jackson.module:jackson-module-kotlin";
    private static final String KOTLIN_MODULE_CLASS = "tools.jackson.module.kotlin.KotlinModule";
    private static final String KOTLIN_METADATA = "kotlin.Metadata";

    private KotlinModuleHint() {}

    /**
     * Adds the hint when it applies: a Kotlin class was asked for (or named by Jackson's exception) and
     * the mapper has no Kotlin module.
     *
     * @param facts the failure's facts
     * @param mapper the mapper that failed
     * @param e what Jackson threw
     * @param requested the type that was asked for, or null when unknown
     * @return the same facts
     */
    public static Facts addTo(Facts facts, ObjectMapper mapper, JacksonException e, @Nullable Type requested) {
        String hint = hint(mapper, e, requested);
        return hint == null ? facts : facts.and("to read Kotlin classes", hint);
    }

    static @Nullable String hint(ObjectMapper mapper, JacksonException e, @Nullable Type requested) {
        Set<Class<?>> involved = new LinkedHashSet<>();
        collect(requested, involved, 0);
        if (e instanceof MismatchedInputException mismatch) {
            collect(mismatch.getTargetType(), involved, 0);
        }
        if (e instanceof InvalidDefinitionException invalid && invalid.getType() != null) {
            collect(invalid.getType().getRawClass(), involved, 0);
        }
        Class<?> kotlin = involved.stream().filter(KotlinModuleHint::isKotlin).findFirst().orElse(null);
        if (kotlin == null || hasKotlinModule(mapper)) {
            return null;
        }
        return kotlin.getSimpleName() + " is a Kotlin class; add " + MODULE + ":" + mapper.version().toString()
                + " to the test dependencies and Testlet's mapper registers it by itself (a mapper of your own,"
                + " given to withJsonMapper, needs .addModule(KotlinModule.Builder().build()))";
    }

    private static boolean hasKotlinModule(ObjectMapper mapper) {
        return mapper.registeredModules().stream().anyMatch(m -> m.getClass().getName().equals(KOTLIN_MODULE_CLASS));
    }

    private static boolean isKotlin(Class<?> type) {
        for (java.lang.annotation.Annotation a : type.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(KOTLIN_METADATA)) {
                return true;
            }
        }
        return false;
    }

    /** The classes a type is made of (List<Item> gives List and Item), a few levels deep. */
    private static void collect(@Nullable Type type, Set<Class<?>> into, int depth) {
        if (type == null || depth > 4) {
            return;
        }
        switch (type) {
            case Class<?> c -> {
                into.add(c.isArray() ? c.getComponentType() : c);
            }
            case ParameterizedType p -> {
                collect(p.getRawType(), into, depth + 1);
                for (Type arg : p.getActualTypeArguments()) {
                    collect(arg, into, depth + 1);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), into, depth + 1);
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    collect(bound, into, depth + 1);
                }
            }
            default -> { }
        }
    }
}
