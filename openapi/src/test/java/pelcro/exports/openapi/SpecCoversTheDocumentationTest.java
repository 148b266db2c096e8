package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the spec against the vendor's pages. The expected values below are the documentation's own
 * tables (request-export.md, vendor-facts.md), the oracle this test holds the spec to.
 */
class SpecCoversTheDocumentationTest {
  private static final ExportsSpec SPEC = ExportsSpec.get();
  private static final OpenAPI API = SPEC.model();
  private static final Set<String> DATED = Set.of("site_id", "date_from", "date_to", "mode");

  /** Per type, the filters of the request page's tables ("Applicable to" agrees). */
  private static final Map<String, Set<String>> FILTERS =
      new TreeMap<>(
          Map.ofEntries(
              entry(
                  "subscriptions", Set.of("status", "collection_method", "plan_id", "product_id")),
              entry("memberships", Set.of("status", "collection_method", "plan_id", "product_id")),
              entry("invoices", Set.of("status")),
              entry("payments", Set.of("status", "type", "category", "currency", "destination")),
              entry("refunds", Set.of("status", "type")),
              entry("customers", Set.of()),
              entry("customers_metadata", Set.of()),
              entry("newsletters", Set.of("email")),
              entry("addresses", Set.of("country", "type")),
              entry("balance_transactions", Set.of("type")),
              entry("credit_notes", Set.of("currency", "reason")),
              entry("orders", Set.of("status", "product_id", "sku_id")),
              entry("campaign_reports", Set.of("id", "campaign_key"))));

  @Test
  void holdsTheThreeOperations() {
    Map<String, String> operations = new TreeMap<>();
    API.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> operations.put(op.getOperationId(), method + " " + path)));

    assertThat(operations)
        .containsExactly(
            entry("downloadExport", "GET /exports/{uuid}"),
            entry("listExports", "GET /exports"),
            entry("requestExport", "POST /exports"));
  }

  @Test
  void listsAllFourteenExportTypes() {
    assertThat(enumOf("ExportType"))
        .containsExactlyInAnyOrder(
            "subscriptions",
            "memberships",
            "invoices",
            "payments",
            "refunds",
            "customers",
            "customers_metadata",
            "newsletters",
            "addresses",
            "balance_transactions",
            "credit_notes",
            "orders",
            "campaign_reports",
            "accounting");
  }

  @Test
  void acceptsBothSpellingsOfCreditNotes() {
    assertThat(SPEC.requestSchemaFor("credit_note"))
        .isEqualTo(SPEC.requestSchemaFor("credit_notes"));
  }

  @Test
  void givesEveryDatedTypeExactlyItsDocumentedFilters() {
    FILTERS.forEach(
        (type, filters) -> {
          Schema<?> schema = SPEC.requestSchemaFor(type).orElseThrow();
          Set<String> expected = new java.util.TreeSet<>(filters);
          expected.addAll(DATED);
          expected.add("object");

          assertThat(schema.getProperties().keySet())
              .as(type)
              .containsExactlyInAnyOrderElementsOf(expected);
          assertThat(schema.getRequired())
              .as(type)
              .containsExactlyInAnyOrder("object", "date_from", "date_to");
          assertThat(schema.getAdditionalProperties()).as(type).isEqualTo(false);
        });
  }

  @Test
  void requiresMonthAndLowercaseCurrencyForAccounting() {
    Schema<?> accounting = SPEC.requestSchemaFor("accounting").orElseThrow();

    assertThat(accounting.getRequired()).containsExactlyInAnyOrder("object", "month", "currency");
    assertThat(accounting.getProperties())
        .containsOnlyKeys("object", "site_id", "month", "currency");
    assertThat(SPEC.schema("Currency").getPattern()).isEqualTo("^[a-z]{3}$");
    assertThat(SPEC.accountingFiles())
        .hasSize(11)
        .contains("payments_received.csv", "credit_notes.csv");
  }

  @Test
  void carriesTheDocumentedEnumValues() {
    assertThat(enumOf("SubscriptionStatus"))
        .containsExactly(
            "all",
            "active",
            "canceled",
            "past_due",
            "trialing",
            "unpaid",
            "incomplete",
            "incomplete_expired",
            "deleted");
    assertThat(enumOf("InvoiceStatus"))
        .containsExactly("all", "draft", "open", "paid", "past_due", "void", "uncollectible");
    assertThat(enumOf("PaymentStatus")).containsExactly("all", "succeeded", "pending", "failed");
    assertThat(enumOf("RefundStatus"))
        .containsExactly("all", "pending", "succeeded", "failed", "canceled");
    assertThat(enumOf("OrderStatus"))
        .containsExactly("all", "paid", "canceled", "fulfilled", "returned");
    assertThat(enumOf("PaymentCategory"))
        .containsExactly("all", "Card", "Check", "Wire", "Transfer", "External", "Cash");
    assertThat(enumOf("CollectionMethod")).containsExactly("charge_automatically", "send_invoice");
    assertThat(enumOf("PaymentType")).containsExactly("online", "offline");
    assertThat(enumOf("AddressType")).containsExactly("shipping", "billing");
    assertThat(enumOf("BalanceTransactionType")).containsExactly("credit", "debit");
    assertThat(enumOf("ExportMode")).containsExactly("full_data", "modified_data");
  }

  @Test
  void describesTheExportObjectAsDocumented() {
    assertThat(SPEC.schema("Export").getProperties())
        .containsOnlyKeys(
            "account_id",
            "created_at",
            "failed_reason",
            "finished_at",
            "started_at",
            "object",
            "updated_at",
            "user_id",
            "uuid");
  }

  @Test
  void documentsEveryStatusTheDocsName() {
    // core-errors: 5xx answers are server errors, rare; every operation may give them.
    String[] serverErrors = {"500", "502", "503", "504"};
    assertThat(statuses("requestExport"))
        .containsExactly(
            concat(new String[] {"200", "400", "401", "409", "413", "429"}, serverErrors));
    assertThat(statuses("downloadExport"))
        .containsExactly(concat(new String[] {"200", "400", "401", "404", "429"}, serverErrors));
    assertThat(statuses("listExports"))
        .containsExactly(concat(new String[] {"200", "400", "401", "429"}, serverErrors));
    assertThat(operation("downloadExport").getResponses().get("200").getContent())
        .containsOnlyKeys("application/force-download");
  }

  @Test
  void quotesEveryDocumentedMessageVerbatim() {
    assertThat(SPEC.yaml())
        .contains(
            "Nothing to export",
            "Invalid date range",
            "Export in progress",
            "The export is not yet ready to be downloaded.",
            "The requested file has already been downloaded or has expired.",
            "The requested file was not found, please try to export again.");
  }

  @Test
  void citesTheSourceOfEveryDecision() {
    Set<String> sources =
        API.getInfo().getExtensions().get("x-sources") instanceof Map<?, ?> map
            ? map.keySet().stream().map(Object::toString).collect(Collectors.toSet())
            : Set.of();
    List<String> cited =
        java.util.regex.Pattern.compile("sources: \\[([^]]*)]")
            .matcher(SPEC.yaml())
            .results()
            .flatMap(m -> java.util.Arrays.stream(m.group(1).split(",\\s*")))
            .toList();

    assertThat(cited).hasSizeGreaterThanOrEqualTo(10);
    assertThat(sources).containsAll(cited);
  }

  private static List<Object> enumOf(String schema) {
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) (List<?>) SPEC.schema(schema).getEnum();
    return values;
  }

  private static Operation operation(String operationId) {
    return API.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .filter(op -> op.getOperationId().equals(operationId))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> statuses(String operationId) {
    return operation(operationId).getResponses().keySet().stream().sorted().toList();
  }

  private static String[] concat(String[] first, String[] second) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(first), java.util.Arrays.stream(second))
        .toArray(String[]::new);
  }
}
