package pelcro.exports.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.LocalProcess;
import pelcro.exports.scaleout.support.Ports;
import pelcro.exports.scaleout.support.Tools;

/**
 * {@code java -jar exports-sandbox.jar} as users start it: a launcher JVM that runs the sandbox in
 * a server JVM with the project's JVM options and a class-data archive its first start records, and
 * passes on signals and the exit status.
 */
class JarLaunchTest {
  private static final Duration READY = Duration.ofSeconds(60);
  private static Path jar;

  @TempDir Path dir;
  private final List<LocalProcess> started = new ArrayList<>();

  @BeforeAll
  static void findJar() {
    jar = Tools.jar("scaleout.sandboxJar");
  }

  @AfterEach
  void stopAll() {
    started.forEach(LocalProcess::kill);
  }

  @Test
  void theFirstStartRecordsTheClassDataArchiveAndTheNextStartMapsIt() throws IOException {
    Running first = start(List.of());
    assertThat(archives()).isEmpty();
    first.process().stop(Duration.ofSeconds(30)); // SIGTERM to the launcher
    assertThat(first.process().exitStatus(Duration.ofSeconds(30))).isEqualTo(143);
    assertThat(archives()).hasSize(1);
    assertThat(Files.list(cache()).map(Path::toString)).noneMatch(name -> name.contains(".jsa."));

    Running second = start(List.of());
    Path archive = archives().get(0);
    assertThat(second.serverArguments()).contains("-XX:SharedArchiveFile=" + archive);
    assertThat(Files.readString(Path.of("/proc/" + second.server().pid() + "/maps")))
        .as("the server JVM maps the archive")
        .contains(archive.toString());
  }

  @Test
  void aStartRefusedForAWrongOptionExitsWithTwoAndRecordsNoArchive() throws IOException {
    LocalProcess refused = launch(List.of(), List.of("--port", "none"));
    assertThat(refused.exitStatus(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(refused.output()).contains("--port").doesNotContain("\tat ");
    assertThat(Files.list(cache())).isEmpty();
  }

  @Test
  void theServerJvmRunsWithTheProjectsJvmOptionsAndTheUsersWin() {
    Running plain = start(List.of("-Dexports.test.mark=1"));
    assertThat(plain.serverArguments())
        .contains("-XX:+UseSerialGC", "-Xms32m", "-XX:MaxHeapFreeRatio=40")
        .containsSubsequence("-jar", jar.toAbsolutePath().normalize().toString())
        .endsWith("--port", plain.port());
    assertThat(plain.serverArguments()).containsSubsequence("-Xms32m", "-Dexports.test.mark=1");

    Running chosen = start(List.of("-XX:+UseParallelGC", "-Xmx200m"));
    assertThat(chosen.serverArguments())
        .contains("-XX:+UseParallelGC", "-Xmx200m", "-XX:MaxHeapFreeRatio=40")
        .doesNotContain("-XX:+UseSerialGC", "-Xms32m");
  }

  @Test
  void theServerStopsWhenTheLauncherIsKilled() {
    Running running = start(List.of());
    ProcessHandle server = running.server();
    running.process().signal("KILL"); // the launcher only
    await("the server JVM exits after its launcher")
        .atMost(Duration.ofSeconds(20))
        .until(() -> !server.isAlive());
  }

  @Test
  void launchDirectRunsTheSandboxInTheStartedJvm() {
    Running direct = start(List.of("-Dexports.sandbox.launch=direct"));
    assertThat(direct.process().children()).isEmpty();
  }

  /** A launcher started and ready, with its server JVM. */
  private record Running(LocalProcess process, String port) {
    ProcessHandle server() {
      List<ProcessHandle> children = process.children();
      assertThat(children).as("the launcher's server JVM").hasSize(1);
      return children.get(0);
    }

    List<String> serverArguments() {
      return List.of(server().info().arguments().orElseThrow());
    }
  }

  private Running start(List<String> jvmOptions) {
    String port = Integer.toString(Ports.free());
    LocalProcess process = launch(jvmOptions, List.of("--port", port));
    Endpoint endpoint = new Endpoint("jar", "http://127.0.0.1:" + port);
    await("/health 200")
        .atMost(READY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> endpoint.health().status() == 200);
    return new Running(process, port);
  }

  private LocalProcess launch(List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Tools.JAVA));
    command.add("-Dexports.sandbox.class-data=" + cache());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--bind", "127.0.0.1", "--rate-limit", "0"));
    command.addAll(arguments);
    LocalProcess process =
        LocalProcess.start("jar-" + started.size(), command, dir.resolve("jar.log"));
    started.add(process);
    return process;
  }

  private Path cache() {
    return dir.resolve("class-data");
  }

  private List<Path> archives() throws IOException {
    if (!Files.isDirectory(cache())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
    }
  }
}
