package pelcro.exports.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own sandbox: started once on a free port of 127.0.0.1 before the
 * class, closed after it. Test methods and constructors take a {@link SandboxHandle}.
 *
 * <pre>{@code
 * @ExportsSandboxTest(jobSeconds = 1)
 * class MyIntegrationTest {
 *   @Test
 *   void exports(SandboxHandle sandbox) {
 *     var client = myClient(sandbox.baseUrl(), sandbox.enterpriseKey(), sandbox.siteId());
 *     String uuid = client.requestExport("subscriptions", from, to);
 *     sandbox.advanceClock(Duration.ofSeconds(5));
 *     assertThat(client.download(uuid)).isNotEmpty();
 *   }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExportsSandboxExtension.class)
public @interface ExportsSandboxTest {
  /** Seconds from request to finished export. */
  double jobSeconds() default 2;

  /** Whether the control API is open (the handle's control methods need it). */
  boolean admin() default true;

  /** 401 (the spec) or 403 for non-Enterprise keys. */
  int nonEnterpriseStatus() default 401;

  /** {@code types} or {@code jobs}. */
  String listMode() default "types";

  long seed() default 42;

  int recordsPerType() default 2000;

  /**
   * Requests per minute per account; 0 (the default here) turns limiting off so that test suites
   * are not throttled. The CLI's default is the vendor's 120.
   */
  int rateLimit() default 0;

  /**
   * A shared sandbox to run against instead of starting one (its root URL, with its control API
   * open): the test class gets a session of its own there, fresh accounts whose clock and exports
   * no other class sees, ended after the class. Empty (the default) starts a sandbox of the class's
   * own, unless the system property {@code exports.sandbox.url} names one. The other settings of
   * this annotation are the shared sandbox's own then.
   */
  String url() default "";

  /**
   * Refuse (400) what the spec's schemas refuse: fields a type does not take, numeric strings for
   * integers, {@code page}/{@code limit} out of bounds ({@code --strict}).
   */
  boolean strict() default false;

  /**
   * Fails the test class, after its tests ran, when the integrator lint found anything in its
   * traffic (what a real integration should fix: ignored fields, polling too fast, ...); the
   * failure lists the findings. {@link SandboxHandle#lint()} shows them at any time.
   */
  boolean failOnLint() default false;

  /**
   * Any other option of the sandbox, as on its command line: {@code {"--webhook-url=http://...",
   * "--webhook-secret=s", "--try-it"}}. Applied after the settings above, so an option named here
   * wins over them.
   */
  String[] options() default {};

  /**
   * A WireMock root folder ({@code --root-dir}; e.g. {@code src/test/resources/wiremock}, relative
   * to the working directory): its {@code mappings/*.json} stubs, bodies in {@code __files/},
   * answer every path the sandbox does not own. Empty (the default): no stubs at start; {@link
   * SandboxHandle#wireMock()} adds some at any time.
   */
  String rootDir() default "";
}
