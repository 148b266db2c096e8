package pelcro.exports.sandbox.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats Unix seconds as {@code yyyy-MM-dd HH:mm:ss} in UTC, the form of the vendor's
 * (Laravel) exports; hand-rolled because {@code DateTimeFormatter} costs a third of a row.
 */
final class Timestamps {
  private Timestamps() {}

  static String format(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    char[] c = new char[19];
    int y = t.getYear();
    c[0] = (char) ('0' + y / 1000 % 10);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    two(c, 5, t.getMonthValue());
    c[7] = '-';
    two(c, 8, t.getDayOfMonth());
    c[10] = ' ';
    two(c, 11, t.getHour());
    c[13] = ':';
    two(c, 14, t.getMinute());
    c[16] = ':';
    two(c, 17, t.getSecond());
    return new String(c);
  }

  private static void two(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }
}
