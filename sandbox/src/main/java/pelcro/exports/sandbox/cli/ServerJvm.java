package pelcro.exports.sandbox.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server JVM's side of {@link Launcher}: it stops when the launching JVM is gone, and tells the
 * launcher that it became ready (so that the class-data archive it records is kept).
 */
final class ServerJvm {
  /** Set on the server JVM by the launcher. */
  static final String SERVER = "exports.sandbox.server";

  /** The file the server creates once ready, when it records the class-data archive. */
  static final String READY_FILE = "exports.sandbox.ready-file";

  private ServerJvm() {}

  static boolean isServer() {
    return System.getProperty(SERVER) != null;
  }

  /**
   * Exits (running the shutdown hooks, which close the sandbox) when the launcher has gone without
   * stopping it, e.g. after SIGKILL: an orphaned server would hold its port. The JDK polls a
   * process that is not a child, so this takes up to a few seconds.
   */
  static void followLauncher() {
    if (!isServer()) {
      return;
    }
    ProcessHandle.current()
        .parent()
        .ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(143)));
  }

  /** Called once the sandbox is ready. */
  static void ready() {
    String file = System.getProperty(READY_FILE);
    if (file != null) {
      try {
        Files.createFile(Path.of(file));
      } catch (IOException e) {
        // the archive is recorded again at the next start
      }
    }
  }
}
