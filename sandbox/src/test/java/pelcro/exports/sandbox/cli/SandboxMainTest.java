package pelcro.exports.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxOptions;
import picocli.CommandLine;

class SandboxMainTest {
  @Test
  void printsEveryOptionOnHelp() {
    StringWriter out = new StringWriter();
    int code = new CommandLine(new SandboxMain()).setOut(new PrintWriter(out)).execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "--port",
            "--bind",
            "--job-seconds",
            "--accounts",
            "--no-admin",
            "--non-enterprise-status",
            "--list-mode",
            "--seed",
            "--records-per-type",
            "--max-journal-entries",
            "--no-request-journal",
            "--file-ttl-seconds",
            "--strict");
  }

  @Test
  void parsesStrictIntoTheSandboxOptions() {
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs("--strict");
    assertThat(main.options().strict()).isTrue();
    assertThat(SandboxOptions.defaults().strict()).isFalse();
    assertThat(Sandbox.builder().strict(true).options().strict()).isTrue();
    assertThat(Sandbox.builder().strict(true).options().describe()).containsEntry("--strict", true);
  }

  @Test
  void refusesAnUnknownOptionOrABadValue() {
    CommandLine cli =
        new CommandLine(new SandboxMain()).setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("--bogus")).isNotZero();
    assertThat(
            new CommandLine(new SandboxMain())
                .setErr(new PrintWriter(new StringWriter()))
                .execute("--port", "x"))
        .isNotZero();
  }

  /** Runs the CLI and returns its exit code and what it printed on stderr. */
  private static String[] run(String... args) {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new SandboxMain()).execute(args);
      return new String[] {
        Integer.toString(code), err.toString(java.nio.charset.StandardCharsets.UTF_8)
      };
    } finally {
      System.setErr(saved);
    }
  }

  /** The CLI's own lines (libraries may log at start; the CLI quiets them only from main). */
  private static java.util.List<String> ours(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("exports-sandbox:")).toList();
  }

  /** Exit code 2 and one line of the CLI's own naming each of {@code mentions}, no stack trace. */
  private static void assertRefusedInOneLine(String[] result, String... mentions) {
    assertThat(result[0]).isEqualTo("2");
    assertThat(ours(result[1]))
        .singleElement()
        .asString()
        .doesNotContain("Exception")
        .contains(mentions);
    assertThat(result[1]).doesNotContain("\tat ");
  }

  @Test
  void namesABusyPortAndTheFixInOneLineWithoutAStackTrace() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertRefusedInOneLine(
          run("--port", Integer.toString(taken.getLocalPort())), "already in use", "--port 0");
    }
  }

  @Test
  void namesAMissingAccountsFileAndWhatItShouldBe() {
    assertRefusedInOneLine(
        run("--port", "0", "--accounts", "/nonexistent/accounts.json"),
        "/nonexistent/accounts.json",
        "JSON file");
  }
}
