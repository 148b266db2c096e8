package pelcro.exports.sandbox.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

class EcmaScriptPatternsTest {
  private final EcmaScriptPatterns patterns = new EcmaScriptPatterns();

  @Test
  void endAnchorRefusesAValueEndingInALineBreak() {
    RegularExpression currency = patterns.getRegularExpression("^[a-z]{3}$");

    assertThat(currency.matches("usd")).isTrue();
    assertThat(currency.matches("usd\n")).isFalse();
    assertThat(currency.matches("usd\r\n")).isFalse();
    assertThat(currency.matches("usd\u2028")).isFalse();
  }

  @Test
  void patternMatchesAnywhereInTheValueAsRegExpTestDoes() {
    assertThat(patterns.getRegularExpression("[0-9]{2}").matches("ab12cd")).isTrue();
    assertThat(patterns.getRegularExpression("^[0-9]{2}").matches("ab12cd")).isFalse();
  }

  @Test
  void escapedDollarAndDollarInAClassStayLiteral() {
    assertThat(EcmaScriptPatterns.javaRegex("^a\\$[$\\]]$")).isEqualTo("^a\\$[$\\]]\\z");
    assertThat(patterns.getRegularExpression("^a\\$[$\\]]$").matches("a$]")).isTrue();
    assertThat(patterns.getRegularExpression("^a\\$[$\\]]$").matches("a$$\n")).isFalse();
  }
}
