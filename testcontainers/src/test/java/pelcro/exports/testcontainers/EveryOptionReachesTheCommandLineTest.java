package pelcro.exports.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pelcro.exports.sandbox.SandboxOptions;
import pelcro.exports.sandbox.options.Option;

/** {@link ExportsSandboxContainer#withOption} passes every declared option to the sandbox. */
class EveryOptionReachesTheCommandLineTest {
  static Stream<String> options() {
    return SandboxOptions.ALL.stream().map(Option::name);
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void theContainersCommandGivesTheSandboxTheOption(String name) {
    Option<?> option = SandboxOptions.named(name).orElseThrow();
    try (ExportsSandboxContainer container = new ExportsSandboxContainer("localhost/any:1")) {
      container.withOption(option.name(), option.example());
      List<String> expectedWords = new ArrayList<>(option.words(option.example()));
      if (option == SandboxOptions.WEBHOOK_URL) { // a webhook URL needs its secret
        container.withOption("webhook-secret", "whsec");
        expectedWords.add("--webhook-secret=whsec");
      }
      container.configure();
      SandboxOptions given = SandboxOptions.fromArgs(Arrays.asList(container.getCommandParts()));
      SandboxOptions expected = SandboxOptions.fromArgs(expectedWords);
      assertThat(given.get(option))
          .isEqualTo(expected.get(option))
          .isNotEqualTo(option.defaultValue());
    }
  }
}
