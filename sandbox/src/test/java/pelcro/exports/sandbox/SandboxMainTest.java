package pelcro.exports.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxMainTest {
  @Test
  void printsEveryOptionOnHelp() {
    StringWriter out = new StringWriter();
    int code = new CommandLine(new SandboxMain()).setOut(new PrintWriter(out)).execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--port", "--bind", "--job-seconds", "--accounts",
        "--no-admin", "--non-enterprise-status", "--list-mode", "--seed", "--records-per-type",
        "--max-journal-entries", "--no-request-journal", "--file-ttl-seconds", "--strict");
  }

  @Test
  void parsesStrictIntoTheSandboxOptions() {
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs("--strict");
    assertThat(main.strict).isTrue();
    assertThat(SandboxOptions.defaults().strict()).isFalse();
    assertThat(Sandbox.builder().strict(true).options().strict()).isTrue();
    assertThat(Sandbox.builder().strict(true).options().describe()).containsEntry("--strict", true);
  }

  @Test
  void refusesAnUnknownOptionOrABadValue() {
    CommandLine cli = new CommandLine(new SandboxMain()).setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("--bogus")).isNotZero();
    assertThat(new CommandLine(new SandboxMain()).setErr(new PrintWriter(new StringWriter()))
        .execute("--port", "x")).isNotZero();
  }
}
