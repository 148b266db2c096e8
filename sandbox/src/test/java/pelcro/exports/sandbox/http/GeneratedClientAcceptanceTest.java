package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.APR_2024;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.JAN_2024;
import static pelcro.exports.sandbox.Fixtures.SITE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.api.ExportsApi;
import pelcro.exports.openapi.client.ApiClient;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.openapi.model.ExportDate;
import pelcro.exports.openapi.model.ExportRequest;
import pelcro.exports.openapi.model.SubscriptionStatus;
import pelcro.exports.openapi.model.SubscriptionsExportRequest;
import pelcro.exports.sandbox.Sandbox;

/**
 * The Java client generated from the spec works against the sandbox with both date forms the spec's
 * {@code ExportDate} takes: an integration generated from the contract is not called wrong.
 */
class GeneratedClientAcceptanceTest {
  private static Sandbox sandbox;
  private static ExportsApi exports;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).jobSeconds(0).rateLimit(0).start();
    ApiClient client = new ApiClient();
    client.updateBaseUri(sandbox.baseUrl());
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + ENTERPRISE));
    exports = new ExportsApi(client);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static ExportRequest subscriptions(ExportDate from, ExportDate to) {
    return new ExportRequest(
        new SubscriptionsExportRequest()
            ._object(SubscriptionsExportRequest.ObjectEnum.SUBSCRIPTIONS)
            .dateFrom(from)
            .dateTo(to)
            .status(SubscriptionStatus.ACTIVE));
  }

  @Test
  void requestsAndDownloadsWithUnixSecondsAndWithIsoDates() throws Exception {
    Export bySeconds =
        exports
            .requestExport(
                (int) SITE, subscriptions(new ExportDate(JAN_2024), new ExportDate(APR_2024)))
            .getData();
    Path first = exports.downloadExport(bySeconds.getUuid().toString(), (int) SITE).toPath();

    Export byIso =
        exports
            .requestExport(
                (int) SITE,
                subscriptions(new ExportDate("2024-01-01T00:00:00Z"), new ExportDate("2024-04-01")))
            .getData();
    Path second = exports.downloadExport(byIso.getUuid().toString(), (int) SITE).toPath();

    List<String> rows = Files.readAllLines(first);
    assertThat(rows).hasSizeGreaterThan(1);
    assertThat(Files.readAllLines(second))
        .as("the same range, written as ISO dates")
        .isEqualTo(rows);
  }

  @Test
  void listsTheExportTypes() throws Exception {
    assertThat(exports.listExports((int) SITE, 1, 10).getActualInstance()).isNotNull();
  }
}
