package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void theSameSeedGivesIdenticalFilesForEveryType() {
    SeededExportData again = new SeededExportData(7, 3000, Fixture.ANCHOR);
    for (String type : Fixture.csvTypes()) {
      ExportQuery query = new ExportQuery(Fixture.SITE, type, Fixture.lastSixMonths());
      assertThat(Fixture.bytes(again, query, Fixture.ANCHOR))
          .as(type)
          .isEqualTo(Fixture.bytes(Fixture.DATA, query, Fixture.ANCHOR));
    }
  }

  @Test
  void anotherSeedGivesOtherData() {
    SeededExportData other = new SeededExportData(8, 3000, Fixture.ANCHOR);
    ExportQuery query = new ExportQuery(Fixture.SITE, "customers", Fixture.lastSixMonths());
    assertThat(Fixture.bytes(other, query, Fixture.ANCHOR))
        .isNotEqualTo(Fixture.bytes(Fixture.DATA, query, Fixture.ANCHOR));
  }

  @Test
  void sitesHoldDifferentData() {
    ExportQuery one = new ExportQuery(1, "subscriptions", Fixture.lastSixMonths());
    ExportQuery two = new ExportQuery(2, "subscriptions", Fixture.lastSixMonths());
    assertThat(Fixture.bytes(Fixture.DATA, one, Fixture.ANCHOR))
        .isNotEqualTo(Fixture.bytes(Fixture.DATA, two, Fixture.ANCHOR));
  }

  @Test
  void aFinishedExportsFileDoesNotChangeWhenTheClockMovesOn() {
    ExportQuery query =
        new ExportQuery(
            Fixture.SITE,
            "subscriptions",
            Map.of(
                "date_from",
                0L,
                "date_to",
                Fixture.ANCHOR.getEpochSecond() + 86_400,
                "mode",
                "modified_data"));
    var finishedAt = Fixture.ANCHOR.minus(Duration.ofDays(40));
    byte[] first = Fixture.bytes(Fixture.DATA, query, finishedAt);
    // Opening the file again later (the clock has moved on) yields the same bytes: the file is
    // a function of the query and finished_at; only a later finished_at would see later changes.
    assertThat(Fixture.bytes(Fixture.DATA, query, finishedAt)).isEqualTo(first);
    assertThat(Fixture.bytes(Fixture.DATA, query, Fixture.ANCHOR)).isNotEqualTo(first);
  }

  @Test
  void recordsCreatedOrUpdatedAfterTheExportFinishedAreNotInItsFile() {
    var finishedAt = Fixture.ANCHOR.minus(Duration.ofDays(40));
    ExportQuery query =
        new ExportQuery(
            Fixture.SITE,
            "payments",
            Map.of("date_from", 0L, "date_to", Fixture.ANCHOR.getEpochSecond()));
    String limit = Timestamps.format(finishedAt.getEpochSecond());
    var rows = Fixture.csv(Fixture.DATA, "payments", query.filters());
    assertThat(rows).anyMatch(r -> r.get("created_at").compareTo(limit) > 0);
    try (var in = Fixture.DATA.file(query, "t", finishedAt).opener().open()) {
      var early = Fixture.parse(in);
      assertThat(early)
          .isNotEmpty()
          .allMatch(
              r ->
                  r.get("created_at").compareTo(limit) <= 0
                      && r.get("updated_at").compareTo(limit) <= 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
