package pelcro.exports.sandbox.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of {@code java -jar exports-sandbox.jar}: starts the sandbox in a second JVM that
 * has the project's JVM options and maps a class-data archive, and passes on its output, signals
 * and exit status.
 *
 * <p>Why a second JVM: the JVM takes no options from a jar, and mapping the sandbox's classes from
 * an archive instead of loading them from the 40 MB jar is what lets a plain {@code java -jar}
 * answer {@code /health} before WireMock's standalone jar answers its first stub
 * (docs/performance.md). The archive is recorded by the first start of a jar on a JVM, into a cache
 * folder ({@link ClassDataArchive}); later starts map it.
 *
 * <p>The sandbox runs in this JVM instead when the second JVM would not help or is not wanted:
 * {@code -Dexports.sandbox.launch=direct}, JVM options that already choose class-data sharing (the
 * container image's), no writable cache folder, or a platform that does not tell a process its own
 * command line.
 *
 * <p>The launching JVM maps none of the sandbox's classes, so its few steps avoid what costs a cold
 * JVM most (lambdas, streams, regular expressions): they come before the server JVM starts.
 */
public final class Launcher {
  /** {@code -Dexports.sandbox.launch=direct}: no second JVM. */
  static final String LAUNCH = "exports.sandbox.launch";

  /** How long a stop signal waits for the sandbox (and an archive being written) to finish. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private Launcher() {}

  public static void main(String[] args) {
    Optional<ServerCommand> command =
        "direct".equals(System.getProperty(LAUNCH)) || ServerJvm.isServer()
            ? Optional.empty()
            : ServerCommand.of(ProcessHandle.current().info(), ClassDataArchive.cacheFolder());
    if (command.isEmpty()) {
      SandboxMain.main(args);
      return;
    }
    System.exit(run(command.get()));
  }

  /** Runs the server JVM to its end; its exit status, or 1 when it could not be started. */
  private static int run(ServerCommand command) {
    Process server;
    try {
      server = new ProcessBuilder(command.line()).inheritIO().start();
    } catch (IOException e) {
      System.err.println("exports-sandbox: cannot start " + command.java() + ": " + e.getMessage());
      return 1;
    }
    Thread stop = new Thread(new Stop(server, command.archive()), "exports-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      int status = server.waitFor();
      command.archive().finish();
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /**
   * SIGTERM or Ctrl-C reached the launcher: the sandbox stops the same way, then the archive its
   * first start recorded is kept.
   */
  private record Stop(Process server, ClassDataArchive archive) implements Runnable {
    @Override
    public void run() {
      server.destroy();
      try {
        if (!server.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
      }
      archive.finish();
    }
  }

  /** The server JVM's command line: this JVM's java, options and arguments, plus the launch's. */
  record ServerCommand(String java, List<String> line, ClassDataArchive archive) {

    /**
     * The command for a JVM started as {@code java [options] -jar JAR [arguments]}; empty when it
     * was started otherwise, when its options already choose class-data sharing, or when there is
     * no cache folder for the archive.
     */
    static Optional<ServerCommand> of(ProcessHandle.Info self, Optional<Path> cacheFolder) {
      Optional<String> java = self.command();
      Optional<String[]> arguments = self.arguments();
      if (java.isEmpty() || arguments.isEmpty() || cacheFolder.isEmpty()) {
        return Optional.empty();
      }
      List<String> given = List.of(arguments.get());
      int jarAt = given.indexOf("-jar");
      if (jarAt < 0 || jarAt + 1 >= given.size()) {
        return Optional.empty();
      }
      List<String> userOptions = given.subList(0, jarAt);
      for (String option : userOptions) {
        if (choosesClassSharing(option)) {
          return Optional.empty();
        }
      }
      // The archive names the jar by the path the JVM was given: an absolute one, so that the
      // archive recorded from one working folder serves starts from any other.
      Path jar = Path.of(given.get(jarAt + 1)).toAbsolutePath().normalize();
      ClassDataArchive archive = ClassDataArchive.forJar(cacheFolder.get(), jar);
      List<String> line = new ArrayList<>();
      line.add(java.get());
      line.addAll(JvmDefaults.withoutConflicts(userOptions));
      line.addAll(archive.options());
      line.addAll(userOptions); // after the defaults: the user's win
      line.add("-D" + ServerJvm.SERVER + "=true");
      line.add("-jar");
      line.add(jar.toString());
      line.addAll(given.subList(jarAt + 2, given.size()));
      return Optional.of(new ServerCommand(java.get(), List.copyOf(line), archive));
    }

    private static boolean choosesClassSharing(String option) {
      return option.startsWith("-Xshare")
          || option.startsWith("-XX:SharedArchiveFile")
          || option.startsWith("-XX:ArchiveClassesAtExit")
          || option.startsWith("-XX:SharedClassListFile")
          || option.startsWith("-XX:DumpLoadedClassList");
    }
  }
}
