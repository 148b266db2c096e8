package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TimeSpreadTest {

  @Test
  void recordsSpreadEvenlyFromTheWindowsStartIn2023ToTheAnchor() {
    long start = SeedWindow.FIXED_START.getEpochSecond();
    long sixMonthsAgo = Fixture.ANCHOR.atZone(ZoneOffset.UTC).minusMonths(6).toEpochSecond();
    long q1of2024 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    long q2of2024 = Instant.parse("2024-04-01T00:00:00Z").getEpochSecond();
    for (String type : Fixture.csvTypes()) {
      List<CSVRecord> all = Fixture.all(type);
      assertThat(all).as(type).hasSize(3000);
      assertThat(all)
          .allMatch(
              r ->
                  seconds(r.get("created_at")) >= start
                      && seconds(r.get("updated_at")) <= Fixture.ANCHOR.getEpochSecond());
      // 36 months from 2023-01-01 to the anchor 2026-01-01: six of them hold a sixth.
      long recent = all.stream().filter(r -> seconds(r.get("created_at")) >= sixMonthsAgo).count();
      assertThat(recent).as(type + " in the last 6 months").isBetween(420L, 580L);
      long docsRange =
          all.stream()
              .map(r -> seconds(r.get("created_at")))
              .filter(t -> t >= q1of2024 && t < q2of2024)
              .count();
      assertThat(docsRange).as(type + " in the docs' example range, Q1 2024").isBetween(200L, 300L);
    }
  }

  @Test
  void theWindowStartsIn2023OrTwentyFourMonthsBeforeAnEarlierAnchor() {
    assertThat(SeedWindow.endingAt(Fixture.ANCHOR).start()).isEqualTo(SeedWindow.FIXED_START);
    assertThat(SeedWindow.endingAt(Instant.parse("2030-05-06T07:08:09Z")).start())
        .isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    assertThat(SeedWindow.endingAt(Instant.parse("2024-06-01T12:00:00Z")).start())
        .isEqualTo(Instant.parse("2022-06-01T12:00:00Z"));
  }

  @Test
  void theSameWindowGivesTheSameRecordsWhateverTheAnchorWasCalled() {
    SeededExportData explicit =
        new SeededExportData(7, 3000, new SeedWindow(SeedWindow.FIXED_START, Fixture.ANCHOR));
    ExportQuery query = new ExportQuery(Fixture.SITE, "invoices", Fixture.lastSixMonths());
    assertThat(Fixture.bytes(explicit, query, Fixture.ANCHOR))
        .isEqualTo(Fixture.bytes(Fixture.DATA, query, Fixture.ANCHOR));
  }

  @Test
  void someRecordsAreUpdatedLongAfterTheirCreation() {
    for (String type : Fixture.csvTypes()) {
      List<CSVRecord> all = Fixture.all(type);
      assertThat(all).allMatch(r -> r.get("updated_at").compareTo(r.get("created_at")) >= 0);
      long late =
          all.stream()
              .filter(
                  r -> seconds(r.get("updated_at")) - seconds(r.get("created_at")) > 90L * 86_400)
              .count();
      assertThat(late).as(type).isGreaterThan(300);
    }
  }

  @Test
  void theFirstInvoiceMonthIsTheMonthOfTheOldestInvoice() {
    String oldest = Fixture.all("invoices").get(0).get("created_at");
    assertThat(Fixture.DATA.firstInvoiceMonth(Fixture.SITE).orElseThrow().toString())
        .isEqualTo(oldest.substring(0, 7))
        .isEqualTo("2023-01");
    assertThat(new SeededExportData(1, 0, Fixture.ANCHOR).firstInvoiceMonth(1)).isEmpty();
  }

  private static long seconds(String timestamp) {
    return LocalDateTime.parse(timestamp.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
  }
}
