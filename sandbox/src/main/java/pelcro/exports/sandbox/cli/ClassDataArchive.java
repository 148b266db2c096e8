package pelcro.exports.sandbox.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The class-data archive of one jar on one JVM, in a cache folder: the JVM options that map it, or
 * that record it when a start finds none.
 *
 * <p>An archive names the exact jar (path, size, time) and JVM build it was recorded with, and the
 * JVM ignores one that does not match; so each pair gets a file of its own, and a start records one
 * only when its pair has none. A start records the classes it loaded up to its exit (the JVM writes
 * them then, {@code -XX:ArchiveClassesAtExit}); the file is kept only when that start got as far as
 * ready, so that a start refused for a wrong option leaves no archive of a few classes.
 */
final class ClassDataArchive {
  /** {@code -Dexports.sandbox.class-data=DIR} puts the archives there; {@code off}: none. */
  static final String FOLDER = "exports.sandbox.class-data";

  // The JVM's messages about the archive (recorded, mapped, or refused because the JVM changed)
  // are not the user's concern: a refused archive only means a slower start.
  private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path file;
  private final Path recording;
  private final Path ready;
  private final boolean exists;

  private ClassDataArchive(Path file) {
    this.file = file;
    String pid = Long.toString(ProcessHandle.current().pid());
    this.recording = file.resolveSibling(file.getFileName() + "." + pid + ".recording");
    this.ready = file.resolveSibling(file.getFileName() + "." + pid + ".ready");
    this.exists = Files.isRegularFile(file);
  }

  /**
   * {@code -Dexports.sandbox.class-data=DIR}, else {@code $XDG_CACHE_HOME/exports-sandbox}, else
   * {@code ~/.cache/exports-sandbox}; empty when it cannot be made or written, when there is no
   * home folder (the JVM then says {@code user.home} is {@code ?}), or when it is {@code off}.
   */
  static Optional<Path> cacheFolder() {
    String chosen = System.getProperty(FOLDER);
    if ("off".equals(chosen)) {
      return Optional.empty();
    }
    Path folder;
    if (chosen != null) {
      folder = Path.of(chosen);
    } else if (System.getenv("XDG_CACHE_HOME") != null) {
      folder = Path.of(System.getenv("XDG_CACHE_HOME"), "exports-sandbox");
    } else {
      String home = System.getProperty("user.home", "?");
      if (home.equals("?") || home.isEmpty()) {
        return Optional.empty(); // a relative "?/.cache" would litter the working folder
      }
      folder = Path.of(home, ".cache", "exports-sandbox");
    }
    try {
      Files.createDirectories(folder);
      return Files.isWritable(folder) ? Optional.of(folder) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The archive of {@code jar} on this JVM, in {@code folder}. */
  static ClassDataArchive forJar(Path folder, Path jar) {
    return new ClassDataArchive(folder.resolve("exports-sandbox-" + key(jar) + ".jsa"));
  }

  /** Map the archive, or record it at exit (with the file the server creates once it is ready). */
  List<String> options() {
    if (exists) {
      return concat("-XX:SharedArchiveFile=" + file);
    }
    return concat(
        "-XX:ArchiveClassesAtExit=" + recording, "-D" + ServerJvm.READY_FILE + "=" + ready);
  }

  /**
   * After the server JVM has exited: keeps the archive it recorded if it became ready, else drops
   * it. Safe to call twice (at exit and from the stop signal's hook).
   */
  synchronized void finish() {
    if (exists) {
      return;
    }
    try {
      if (Files.exists(ready) && Files.isRegularFile(recording) && Files.size(recording) > 0) {
        Files.move(
            recording, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Not fatal: the next start records the archive again.
    } finally {
      deleteQuietly(recording);
      deleteQuietly(ready);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // left for the next start's cleaning
    }
  }

  Path file() {
    return file;
  }

  private static List<String> concat(String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(QUIET);
    return all;
  }

  /** The jar (absolute path, size, time) and the JVM (home, build): what an archive must match. */
  private static String key(Path jar) {
    String identity;
    try {
      Path absolute = jar.toAbsolutePath().normalize();
      identity =
          String.join(
              "\n",
              absolute.toString(),
              Long.toString(Files.size(absolute)),
              Files.getLastModifiedTime(absolute).toString(),
              System.getProperty("java.home"),
              System.getProperty("java.vm.version"));
    } catch (IOException e) {
      identity = jar.toString();
    }
    // Two checksums of 32 bits: a name, not a secret (the JVM checks the archive it maps).
    byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toHexString(crc.getValue()) + Integer.toHexString(identity.hashCode());
  }
}
