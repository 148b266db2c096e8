package pelcro.exports.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @TempDir Path dir;

  @Test
  void theServerCommandHasTheDefaultsTheArchiveTheUsersOptionsAndTheArguments() throws IOException {
    Path jar = Files.writeString(dir.resolve("sandbox.jar"), "not really a jar");
    Launcher.ServerCommand command =
        Launcher.ServerCommand.of(
                started("-Dmine=1", "-jar", jar.toString(), "--port", "0"), Optional.of(dir))
            .orElseThrow();

    assertThat(command.line().get(0)).isEqualTo("/opt/java/bin/java");
    assertThat(command.line())
        .containsSubsequence("-XX:+UseSerialGC", "-Dmine=1", "-jar", jar.toString())
        .endsWith("--port", "0")
        .contains("-D" + ServerJvm.SERVER + "=true")
        .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit=" + dir))
        .anyMatch(option -> option.startsWith("-D" + ServerJvm.READY_FILE + "="));
  }

  @Test
  void anArchiveThatExistsIsMappedInsteadOfRecorded() throws IOException {
    Path jar = Files.writeString(dir.resolve("sandbox.jar"), "not really a jar");
    Path archive = ClassDataArchive.forJar(dir, jar).file();
    Files.writeString(archive, "recorded earlier");

    List<String> line =
        Launcher.ServerCommand.of(started("-jar", jar.toString()), Optional.of(dir))
            .orElseThrow()
            .line();

    assertThat(line)
        .contains("-XX:SharedArchiveFile=" + archive)
        .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
  }

  @Test
  void aChangedJarGetsAnArchiveOfItsOwn() throws IOException {
    Path jar = Files.writeString(dir.resolve("sandbox.jar"), "one build");
    Path before = ClassDataArchive.forJar(dir, jar).file();
    Files.writeString(jar, "the next build, longer");

    assertThat(ClassDataArchive.forJar(dir, jar).file()).isNotEqualTo(before);
  }

  @Test
  void theSandboxRunsInTheStartedJvmWhenItsStartChoosesClassSharingOrIsNoJar() {
    Path jar = dir.resolve("sandbox.jar");
    for (String sharing :
        List.of("-Xshare:off", "-XX:SharedArchiveFile=/app/a.jsa", "-XX:ArchiveClassesAtExit=a")) {
      assertThat(
              Launcher.ServerCommand.of(started(sharing, "-jar", jar.toString()), Optional.of(dir)))
          .as(sharing)
          .isEmpty();
    }
    assertThat(Launcher.ServerCommand.of(started("-cp", "x.jar", "Main"), Optional.of(dir)))
        .isEmpty();
    assertThat(Launcher.ServerCommand.of(started("-jar", jar.toString()), Optional.empty()))
        .as("no cache folder")
        .isEmpty();
  }

  @Test
  void aRecordedArchiveIsKeptOnlyWhenTheServerBecameReady() throws IOException {
    Path jar = Files.writeString(dir.resolve("sandbox.jar"), "not really a jar");
    ClassDataArchive refused = ClassDataArchive.forJar(dir, jar);
    Path recording = Path.of(option(refused.options(), "-XX:ArchiveClassesAtExit="));
    Files.writeString(recording, "classes of a start refused for a wrong option");
    refused.finish();
    assertThat(refused.file()).doesNotExist();
    assertThat(recording).doesNotExist();

    ClassDataArchive ready = ClassDataArchive.forJar(dir, jar);
    recording = Path.of(option(ready.options(), "-XX:ArchiveClassesAtExit="));
    Files.writeString(recording, "classes of a start that became ready");
    Files.createFile(Path.of(option(ready.options(), "-D" + ServerJvm.READY_FILE + "=")));
    ready.finish();
    assertThat(ready.file()).hasContent("classes of a start that became ready");
  }

  @Test
  void theUsersCollectorOrHeapSizeReplacesTheDefaultOne() {
    assertThat(JvmDefaults.withoutConflicts(List.of()))
        .contains("-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=20");
    assertThat(JvmDefaults.withoutConflicts(List.of("-XX:+UseG1GC", "-Xmx16m")))
        .doesNotContain("-XX:+UseSerialGC", "-Xms32m")
        .contains("-XX:MinHeapFreeRatio=20");
  }

  private static String option(List<String> options, String prefix) {
    return options.stream()
        .filter(o -> o.startsWith(prefix))
        .findFirst()
        .orElseThrow()
        .substring(prefix.length());
  }

  /** What a JVM started as {@code /opt/java/bin/java ARGS} says of itself. */
  private static ProcessHandle.Info started(String... arguments) {
    return new ProcessHandle.Info() {
      @Override
      public Optional<String> command() {
        return Optional.of("/opt/java/bin/java");
      }

      @Override
      public Optional<String> commandLine() {
        return Optional.empty();
      }

      @Override
      public Optional<String[]> arguments() {
        return Optional.of(arguments);
      }

      @Override
      public Optional<Instant> startInstant() {
        return Optional.empty();
      }

      @Override
      public Optional<Duration> totalCpuDuration() {
        return Optional.empty();
      }

      @Override
      public Optional<String> user() {
        return Optional.empty();
      }
    };
  }
}
