package dev.testlet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test of the class twice, once with the app in-process and once served on a real port,
 * with the mode in each test's display name ({@code ItemsApiTest > [served] > lists_items()}): the same
 * tests, over no socket and over TCP. Put it on a class whose {@link TestletExtension} starts the app.
 * {@code -Dtestlet.mode=in-process} or {@code =served} narrows a run to one of the two. A test that only
 * means something in one mode says so with {@link OnlyInMode}.
 *
 * <pre>{@code
 * @InBothModes
 * class ItemsApiTest {
 *     @RegisterExtension
 *     static TestletExtension testlet = TestletExtension.forApp(ItemsApp.app());
 *
 *     @Test
 *     void lists_items(TestClient client) {
 *         client.given().get("/items").expectStatus(200);
 *     }
 * }
 * }</pre>
 *
 * <p>It is JUnit's class template mechanism ({@code @ClassTemplate}): each mode is one run of the class,
 * with its own app (or apps, per test with {@code perTest()}). JUnit runs the class's {@code @BeforeAll}
 * and {@code @AfterAll} once, around both runs, when no app is up; a {@code @Nested} class's run once in
 * each mode. Snapshots are named without the mode, so both runs check the same snapshot: one that
 * differs between the modes fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@ExtendWith(BothModes.class)
public @interface InBothModes {}
