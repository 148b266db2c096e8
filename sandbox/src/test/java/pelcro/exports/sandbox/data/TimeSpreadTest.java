package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TimeSpreadTest {

  @Test
  void recordsSpreadEvenlyOverTheTwentyFourMonthsBeforeTheAnchor() {
    long start = Fixture.ANCHOR.atZone(ZoneOffset.UTC).minusMonths(24).toEpochSecond();
    long sixMonthsAgo = Fixture.ANCHOR.atZone(ZoneOffset.UTC).minusMonths(6).toEpochSecond();
    for (String type : Fixture.csvTypes()) {
      List<CSVRecord> all = Fixture.all(type);
      assertThat(all).as(type).hasSize(3000);
      assertThat(all).allMatch(r -> seconds(r.get("created_at")) >= start
          && seconds(r.get("updated_at")) <= Fixture.ANCHOR.getEpochSecond());
      long recent = all.stream().filter(r -> seconds(r.get("created_at")) >= sixMonthsAgo).count();
      assertThat(recent).as(type + " in the last 6 months").isBetween(650L, 850L);
    }
  }

  @Test
  void someRecordsAreUpdatedLongAfterTheirCreation() {
    for (String type : Fixture.csvTypes()) {
      List<CSVRecord> all = Fixture.all(type);
      assertThat(all).allMatch(r -> r.get("updated_at").compareTo(r.get("created_at")) >= 0);
      long late = all.stream()
          .filter(r -> seconds(r.get("updated_at")) - seconds(r.get("created_at")) > 90L * 86_400)
          .count();
      assertThat(late).as(type).isGreaterThan(300);
    }
  }

  @Test
  void theFirstInvoiceMonthIsTheMonthOfTheOldestInvoice() {
    String oldest = Fixture.all("invoices").get(0).get("created_at");
    assertThat(Fixture.DATA.firstInvoiceMonth(Fixture.SITE).orElseThrow().toString())
        .isEqualTo(oldest.substring(0, 7));
    assertThat(new SeededExportData(1, 0, Fixture.ANCHOR).firstInvoiceMonth(1)).isEmpty();
  }

  private static long seconds(String timestamp) {
    return LocalDateTime.parse(timestamp.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
  }
}
