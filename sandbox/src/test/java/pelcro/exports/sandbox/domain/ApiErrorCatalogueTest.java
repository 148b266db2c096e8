package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.PathItem;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;

/** Every status of the API's error catalogue is one the spec documents. */
class ApiErrorCatalogueTest {
  private static final Set<ApiError> OUTSIDE_THE_API =
      EnumSet.of(
          ApiError.ROUTE_NOT_FOUND,
          ApiError.METHOD_NOT_ALLOWED,
          ApiError.CONTROL_EXPORT_NOT_FOUND,
          ApiError.CONTROL_NOT_RUNNING,
          ApiError.CONTROL_BAD_REQUEST,
          ApiError.WIREMOCK_ADMIN_CLOSED,
          ApiError.CONTROL_SESSION_NOT_FOUND,
          ApiError.CONTROL_ACCOUNT_NOT_FOUND,
          ApiError.CONTROL_FAULT_NOT_FOUND,
          ApiError.SERVICE_UNAVAILABLE,
          ApiError.BAD_GATEWAY,
          ApiError.GATEWAY_TIMEOUT,
          ApiError.SERVER_ERROR);

  @Test
  void answersOnlyStatusesTheSpecDocuments() {
    Set<String> documented = new HashSet<>();
    for (PathItem path : ExportsSpec.get().model().getPaths().values()) {
      path.readOperations().forEach(op -> documented.addAll(op.getResponses().keySet()));
    }
    for (ApiError error : ApiError.values()) {
      if (!OUTSIDE_THE_API.contains(error)) {
        assertThat(documented).as(error.name()).contains(String.valueOf(error.status()));
        assertThat(error.message()).as(error.name()).isNotBlank();
      }
    }
  }

  @Test
  void readsTheDocumentedMessagesFromTheSpec() {
    assertThat(ApiError.UNAUTHENTICATED.message()).isEqualTo("Unauthenticated.");
    assertThat(ApiError.BODY_TOO_LARGE.message()).isEqualTo("The request body is too large.");
    assertThat(ApiError.EXPORT_IN_PROGRESS.message()).isEqualTo("Export in progress");
  }
}
