package pelcro.exports.sandbox.data;

import java.time.LocalDate;

/**
 * Formats Unix seconds as {@code yyyy-MM-dd HH:mm:ss} in UTC, the form of the vendor's (Laravel)
 * exports. Hand-rolled with a one-day cache because rows come in time order and {@code
 * DateTimeFormatter} would cost a third of a row; one instance per stream (not shared).
 */
final class Timestamps {
  private static final long DAY = 86_400;
  private long cachedDay = Long.MIN_VALUE;
  private final char[] text = new char[19];

  /** A fresh formatter for one stream. */
  Timestamps() {}

  static String format(long epochSecond) {
    return new Timestamps().print(epochSecond);
  }

  String print(long epochSecond) {
    long day = Math.floorDiv(epochSecond, DAY);
    if (day != cachedDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      int y = date.getYear();
      text[0] = (char) ('0' + y / 1000 % 10);
      text[1] = (char) ('0' + y / 100 % 10);
      text[2] = (char) ('0' + y / 10 % 10);
      text[3] = (char) ('0' + y % 10);
      text[4] = '-';
      two(5, date.getMonthValue());
      text[7] = '-';
      two(8, date.getDayOfMonth());
      text[10] = ' ';
      text[13] = ':';
      text[16] = ':';
      cachedDay = day;
    }
    int second = (int) Math.floorMod(epochSecond, DAY);
    two(11, second / 3600);
    two(14, second / 60 % 60);
    two(17, second % 60);
    return new String(text);
  }

  private void two(int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }
}
