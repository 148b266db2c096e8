package pelcro.exports.sandbox.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxOptions;
import pelcro.exports.sandbox.cli.SandboxMain;
import pelcro.exports.sandbox.junit.ExportsSandboxExtension;
import pelcro.exports.sandbox.junit.ExportsSandboxTest;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option declared in {@link SandboxOptions#ALL} reaches the command line, the builder and the
 * JUnit annotation with its example value (the Testcontainers module has its own test).
 */
class EveryOptionReachesEverySurfaceTest {
  static Stream<String> options() {
    return SandboxOptions.ALL.stream().map(Option::name);
  }

  /** The option's example as command-line words, with the secret that a webhook URL needs. */
  static List<String> words(Option<?> option) {
    List<String> words = new ArrayList<>(option.words(option.example()));
    if (option == SandboxOptions.WEBHOOK_URL) {
      words.add("--webhook-secret=whsec");
    }
    return words;
  }

  /** The option's example value, as the command line parses it. */
  private static Object example(Option<?> option) {
    return SandboxOptions.fromArgs(words(option)).get(option);
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void theExampleDiffersFromTheDefaultSoThatReachingIsSeen(String name) {
    Option<?> option = SandboxOptions.named(name).orElseThrow();
    assertThat(example(option)).isNotEqualTo(option.defaultValue());
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void theCommandLineTakesIt(String name) {
    Option<?> option = SandboxOptions.named(name).orElseThrow();
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs(words(option).toArray(String[]::new));
    assertThat(main.options().get(option)).isEqualTo(example(option));
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void theBuilderTakesItByName(String name) {
    Option<?> option = SandboxOptions.named(name).orElseThrow();
    assertThat(
            Sandbox.builder()
                .option(option.name(), option.example())
                .option("webhook-secret", "whsec")
                .options()
                .get(option))
        .isEqualTo(example(option));
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void theJunitAnnotationTakesIt(String name) {
    Option<?> option = SandboxOptions.named(name).orElseThrow();
    ExportsSandboxTest annotation = annotation(words(option));
    assertThat(ExportsSandboxExtension.builder(annotation).options().get(option))
        .isEqualTo(example(option));
  }

  @Test
  void theHelpListsEveryOptionOnce() {
    List<String> names =
        new CommandLine(new SandboxMain())
            .getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
    assertThat(names)
        .doesNotHaveDuplicates()
        .containsAll(SandboxOptions.ALL.stream().map(Option::longName).toList());
  }

  /** {@code @ExportsSandboxTest(options = {...})} with every other setting at its default. */
  private static ExportsSandboxTest annotation(List<String> options) {
    return (ExportsSandboxTest)
        Proxy.newProxyInstance(
            ExportsSandboxTest.class.getClassLoader(),
            new Class<?>[] {ExportsSandboxTest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "options" -> options.toArray(String[]::new);
                  case "annotationType" -> ExportsSandboxTest.class;
                  default -> method.getDefaultValue();
                });
  }
}
