package pelcro.exports.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pelcro.exports.contract.runner.ConformanceRunner;

/**
 * The runner as a user starts it: a separate JVM on this test's class path, so that its exit code,
 * its console and its reports are the real ones and its settings stay out of this JVM.
 */
final class RunnerProcess {
  /** What the runner printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {}

  private RunnerProcess() {}

  /**
   * The default sandbox's Enterprise and basic accounts as the runner's flags, the Enterprise key
   * being {@code enterpriseKey}.
   */
  static List<String> accounts(String enterpriseKey) {
    return List.of(
        "--enterprise-key",
        enterpriseKey,
        "--site-id",
        "1001",
        "--basic-key",
        "sk_test_basic",
        "--basic-site-id",
        "3001");
  }

  /** The default sandbox's three accounts, the second Enterprise one included, as the flags. */
  static List<String> allAccounts() {
    List<String> all = new ArrayList<>(accounts("sk_test_enterprise"));
    all.addAll(List.of("--other-key", "sk_test_enterprise_2", "--other-site-id", "2001"));
    return all;
  }

  /** The runner's arguments: {@code first}, then {@code rest}. */
  static String[] args(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  static Result run(Path workDir, Duration timeout, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ConformanceRunner.class.getName()));
    command.addAll(List.of(args));
    Path out = workDir.resolve("runner.out");
    Path err = workDir.resolve("runner.err");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "the runner did not finish within "
              + timeout
              + "; its output so far:\n"
              + Files.readString(out, StandardCharsets.UTF_8));
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
