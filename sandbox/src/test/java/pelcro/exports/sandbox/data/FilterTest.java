package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;

class FilterTest {
  private static final Set<String> RANGE_FIELDS =
      Set.of("object", "site_id", "date_from", "date_to", "mode");

  @Test
  void everyFilterOfEveryTypeKeepsOnlyMatchingRowsAndDropsOthers() {
    int checked = 0;
    for (String type : Fixture.csvTypes()) {
      Schema<?> request = ExportsSpec.get().requestSchemaFor(type).orElseThrow();
      List<CSVRecord> unfiltered = Fixture.csv(type, Fixture.lastSixMonths());
      assertThat(unfiltered).as(type).isNotEmpty();
      for (String filter : request.getProperties().keySet()) {
        if (RANGE_FIELDS.contains(filter)) {
          continue;
        }
        String value = unfiltered.get(unfiltered.size() / 2).get(filter);
        Map<String, Object> filters = Fixture.lastSixMonths();
        filters.put(
            filter,
            isInteger(request.getProperties().get(filter)) ? (Object) Long.valueOf(value) : value);
        List<CSVRecord> filtered = Fixture.csv(type, filters);
        assertThat(filtered)
            .as(type + " " + filter + "=" + value)
            .isNotEmpty()
            .allMatch(r -> r.get(filter).equals(value));
        assertThat(filtered.size())
            .as(type + " " + filter + " excludes rows")
            .isLessThan(unfiltered.size());
        checked++;
      }
    }
    assertThat(checked).as("filters checked").isGreaterThanOrEqualTo(20);
  }

  @Test
  void statusAndCategoryAllApplyNoFilter() {
    for (String type :
        List.of("subscriptions", "memberships", "invoices", "payments", "refunds", "orders")) {
      Map<String, Object> filters = Fixture.lastSixMonths();
      filters.put("status", "all");
      assertThat(Fixture.csv(type, filters))
          .as(type)
          .hasSameSizeAs(Fixture.csv(type, Fixture.lastSixMonths()));
    }
    Map<String, Object> filters = Fixture.lastSixMonths();
    filters.put("category", "all");
    assertThat(Fixture.csv("payments", filters))
        .hasSameSizeAs(Fixture.csv("payments", Fixture.lastSixMonths()));
  }

  @Test
  void theDateRangeSelectsOnCreatedAtInclusive() {
    List<CSVRecord> all = Fixture.all("invoices");
    CSVRecord pick = all.get(all.size() / 3);
    long at =
        java.time.LocalDateTime.parse(pick.get("created_at").replace(' ', 'T'))
            .toEpochSecond(java.time.ZoneOffset.UTC);
    List<CSVRecord> exact = Fixture.csv("invoices", Map.of("date_from", at, "date_to", at));
    assertThat(exact)
        .isNotEmpty()
        .allMatch(r -> r.get("created_at").equals(pick.get("created_at")));
  }

  @Test
  void modifiedDataSelectsOnUpdatedAtAndDiffersFromFullData() {
    for (String type : Fixture.csvTypes()) {
      Map<String, Object> modified = new HashMap<>(Fixture.lastSixMonths());
      modified.put("mode", "modified_data");
      List<CSVRecord> full = Fixture.csv(type, Fixture.lastSixMonths());
      List<CSVRecord> changed = Fixture.csv(type, modified);
      assertThat(changed.stream().map(r -> r.get(0)).toList())
          .as(type)
          .isNotEqualTo(full.stream().map(r -> r.get(0)).toList());
      String from = Timestamps.format((Long) modified.get("date_from"));
      assertThat(changed).as(type).allMatch(r -> r.get("updated_at").compareTo(from) >= 0);
      assertThat(changed)
          .as(type + " has records created before the range but updated in it")
          .anyMatch(r -> r.get("created_at").compareTo(from) < 0);
    }
  }

  @Test
  void hasRecordsIsFalseExactlyWhenTheFileHasNoRows() {
    List<Map<String, Object>> cases =
        List.of(
            Fixture.lastSixMonths(),
            with(Fixture.lastSixMonths(), "plan_id", 999_999L),
            with(Fixture.lastSixMonths(), "status", "deleted"),
            Map.of("date_from", 0L, "date_to", 86_400L),
            with(Fixture.lastSixMonths(), "product_id", 2L));
    for (String type : List.of("subscriptions", "memberships")) {
      for (Map<String, Object> filters : cases) {
        boolean has =
            Fixture.DATA.hasRecords(new ExportQuery(Fixture.SITE, type, filters), Fixture.ANCHOR);
        assertThat(has).as(type + " " + filters).isEqualTo(!Fixture.csv(type, filters).isEmpty());
      }
    }
    assertThat(
            Fixture.DATA.hasRecords(
                new ExportQuery(
                    Fixture.SITE,
                    "subscriptions",
                    with(Fixture.lastSixMonths(), "plan_id", 999_999L)),
                Fixture.ANCHOR))
        .isFalse();
    assertThat(
            Fixture.DATA.hasRecords(
                new ExportQuery(
                    Fixture.SITE,
                    "newsletters",
                    with(Fixture.lastSixMonths(), "email", "nobody@example.com")),
                Fixture.ANCHOR))
        .isFalse();
  }

  private static Map<String, Object> with(Map<String, Object> filters, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(filters);
    copy.put(name, value);
    return copy;
  }

  private static boolean isInteger(Schema<?> property) {
    Schema<?> resolved =
        property.get$ref() == null
            ? property
            : ExportsSpec.get()
                .schema(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
    return "integer".equals(resolved.getType());
  }
}
