package pelcro.exports.sandbox.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  private static final String[] VALUES = {
    "plain ascii, with \"quotes\"", "Zoë Ñúñez", "Łódź", "東京", "rocket \uD83D\uDE80 launch", "", "x"
  };

  @Test
  void printedValuesGiveTheBytesOfTheirTextInUtf8() throws Exception {
    Utf8Text text = new Utf8Text(4); // small, so that it grows
    StringBuilder expected = new StringBuilder();
    for (int c = 0; c < VALUES.length; c++) {
      CsvStream.FORMAT.print(VALUES[c], text, c == 0);
      CsvStream.FORMAT.print(VALUES[c], expected, c == 0);
    }
    CsvStream.FORMAT.println(text);
    CsvStream.FORMAT.println(expected);

    assertThat(text.toBytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPartOfAValueIsAppendedFromItsStartToItsEnd() {
    Utf8Text text = new Utf8Text(16);
    text.append("abcÿdef", 2, 6).append('é').append('!');

    assertThat(text.toBytes()).isEqualTo("cÿdeé!".getBytes(StandardCharsets.UTF_8));
    text.reset();
    assertThat(text.size()).isZero();
  }
}
