package pelcro.exports.sandbox.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxOptions;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.health.SandboxVersion;
import pelcro.exports.sandbox.options.CommandLineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code exports-sandbox.jar}: parses the options, starts the sandbox and
 * prints where it listens, the keys and the options in force.
 */
@Command(
    name = "exports-sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxMain.Version.class,
    modelTransformer = SandboxMain.DeclaredOptions.class,
    sortOptions = false,
    description = "An offline emulator of Pelcro's Core API Exports, under /api/v1/core.")
public final class SandboxMain implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Adds the options declared in {@link SandboxOptions#ALL} to the command. */
  static final class DeclaredOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      CommandLineOptions.addTo(command, SandboxOptions.ALL);
      return command;
    }
  }

  /** The options the parsed command line gives, the defaults for the others; checked. */
  public SandboxOptions options() {
    return SandboxOptions.of(
        CommandLineOptions.given(spec.commandLine().getParseResult(), SandboxOptions.ALL));
  }

  /** {@code --version}: the version the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"exports-sandbox " + SandboxVersion.get()};
    }
  }

  public static void main(String[] args) {
    ServerJvm.followLauncher();
    // The spec takes longest to load and depends on no option: it loads while picocli reads them.
    Thread spec = new Thread(ExportsSpec::get, "exports-sandbox-spec-early");
    spec.setDaemon(true);
    spec.start();
    quietLibraryLogs();
    System.exit(new CommandLine(new SandboxMain()).execute(args));
  }

  /**
   * Jetty and WireMock announce every context they start at INFO; the banner says what matters.
   * Warnings still show. A user's own {@code -D} settings win.
   */
  private static void quietLibraryLogs() {
    for (String logger :
        List.of("org.eclipse.jetty", "wiremock", "WireMock", "com.github.tomakehurst.wiremock")) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    // Jetty flags WireMock's own use of a deprecated filter at every start: not the user's concern.
    String deprecation = "org.slf4j.simpleLogger.log.org.eclipse.jetty.util.DeprecationWarning";
    System.setProperty(deprecation, System.getProperty(deprecation, "off"));
  }

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    Sandbox sandbox;
    SandboxOptions options = null;
    try {
      options = options();
      // The banner comes before /health's 200: see Sandbox.start's announce.
      sandbox =
          Sandbox.start(
              options,
              Clock.systemUTC(),
              ready -> {
                banner(System.out, ready, (System.nanoTime() - started) / 1_000_000);
                ServerJvm.ready();
              });
    } catch (RuntimeException e) {
      // A wrong option, an unreadable accounts file or a busy port: say so, no stack trace.
      System.err.println(
          "exports-sandbox: "
              + (options == null ? e.getMessage() : StartProblem.explain(e, options)));
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    sandbox.awaitClosed(); // Ctrl-C, SIGTERM or POST /__admin/shutdown
    return 0;
  }

  private static void banner(PrintStream out, Sandbox sandbox, long millis) {
    out.printf("Exports sandbox listening on %s (ready in %d ms)%n", sandbox.baseUrl(), millis);
    if (sandbox.options().admin()) {
      out.printf(
          "Control API: %s (reset, clock, exports/{uuid}/complete|fail, lint)%n",
          sandbox.controlUrl());
    } else {
      out.println("Control API and /__admin: off (--no-admin)");
    }
    // The built-in keys are public (README); keys from an --accounts file are secrets.
    boolean builtIn = sandbox.options().accounts() == null;
    out.println(builtIn ? "Keys:" : "Keys (masked; they are in your --accounts file):");
    for (Account a : sandbox.accounts()) {
      out.printf(
          "  Bearer %-24s account %d, %s, sites %s%n",
          builtIn ? a.key() : KeyMask.key(a.key()),
          a.id(),
          a.enterprise() ? "Enterprise" : "not Enterprise",
          a.sites());
    }
    out.printf("Docs (Swagger UI): %s%n", sandbox.docsUrl());
    if (sandbox.options().rootDir() != null) {
      out.printf(
          "Stubs: %s (mappings/*.json, __files/) answer every other path%n",
          sandbox.options().rootDir());
      sandbox.shadowingStubs().forEach(warning -> out.println("  Warning: " + warning));
    }
    out.println("Options:");
    sandbox.options().describe().forEach((k, v) -> out.printf("  %-24s %s%n", k, v));
    out.flush();
  }
}
