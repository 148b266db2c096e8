package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintControl;
import java.util.Map;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;

/**
 * The sandbox's control API under {@code /__admin/sandbox/}: reset, clock, forcing an export
 * to complete or fail, webhook deliveries and the integrator lint. Sandbox-only; {@code --no-admin} closes it with the rest of
 * {@code /__admin}. Register via {@link SandboxServer}.
 */
final class SandboxAdminApi implements AdminApiExtension {
  static final String NAME = "exports-sandbox-control";

  private final ResetOperation reset;
  private final ClockOperation clock;
  private final CompleteExportOperation complete;
  private final FailExportOperation fail;
  private final DeliveriesControl deliveries;
  private final LintControl lint;

  SandboxAdminApi(
      ResetOperation reset,
      ClockOperation clock,
      CompleteExportOperation complete,
      FailExportOperation fail) {
    this(reset, clock, complete, fail, new DeliveriesControl(null), null);
  }

  SandboxAdminApi(
      ResetOperation reset,
      ClockOperation clock,
      CompleteExportOperation complete,
      FailExportOperation fail,
      DeliveriesControl deliveries,
      IntegratorLint lint) {
    this.reset = reset;
    this.clock = clock;
    this.complete = complete;
    this.fail = fail;
    this.deliveries = deliveries;
    this.lint = new LintControl(lint);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    // Each route is its own anonymous class: WireMock finds a task's path template by the
    // task's class, so routes must never share one (a lambda site or a factory would).
    router.add(RequestMethod.POST, "/sandbox/reset", new ControlTask() {
      @Override
      Object act(Input in) {
        return reset.handle();
      }
    });
    router.add(RequestMethod.GET, "/sandbox/clock", new ControlTask() {
      @Override
      Object act(Input in) {
        return clock.show();
      }
    });
    router.add(RequestMethod.POST, "/sandbox/clock/advance", new ControlTask() {
      @Override
      Object act(Input in) {
        return clock.advance(in.body());
      }
    });
    router.add(RequestMethod.POST, "/sandbox/exports/{uuid}/complete", new ControlTask() {
      @Override
      Object act(Input in) {
        return complete.handle(in.uuid());
      }
    });
    router.add(RequestMethod.POST, "/sandbox/exports/{uuid}/fail", new ControlTask() {
      @Override
      Object act(Input in) {
        return fail.handle(in.uuid(), in.body());
      }
    });
    router.add(RequestMethod.GET, "/sandbox/webhooks/deliveries", new ControlTask() {
      @Override
      Object act(Input in) {
        return deliveries.list();
      }
    });
    router.add(RequestMethod.GET, "/sandbox/lint", new ControlTask() {
      @Override
      Object act(Input in) {
        return lint.list(in.query().get("account"), in.query().get("rule"));
      }
    });
    router.add(RequestMethod.POST, "/sandbox/webhooks/deliveries/{uuid}/redeliver", new ControlTask() {
      @Override
      Object act(Input in) {
        return deliveries.redeliver(in.uuid())
            .orElseThrow(() -> new ApiException(ApiError.CONTROL_DELIVERY_NOT_FOUND, in.uuid()));
      }
    });
  }

  /** What a control task receives. */
  private record Input(String uuid, JsonNode body, Map<String, String> query) {}

  /** A control route: parses the body, runs {@link #act}, renders JSON or the error. */
  private abstract static class ControlTask implements AdminTask {
    abstract Object act(Input in);

    @Override
    public ResponseDefinition execute(Admin admin, ServeEvent serveEvent, PathParams pathParams) {
      try {
        JsonNode body = Json.readOptionalBody(serveEvent.getRequest().getBody());
        Object result = act(new Input(pathParams.get("uuid"), body,
            QueryString.parse(serveEvent.getRequest().getUrl())));
        return new ResponseDefinitionBuilder()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(Json.write(result))
            .build();
      } catch (ApiException e) {
        return definition(e);
      } catch (IllegalArgumentException e) {
        return definition(new ApiException(ApiError.CONTROL_BAD_REQUEST, e.getMessage()));
      }
    }
  }

  private static ResponseDefinition definition(ApiException e) {
    ErrorRenderer.Rendered rendered = ErrorRenderer.render(e);
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder().withStatus(rendered.status()).withBody(rendered.body());
    rendered.headers().forEach(builder::withHeader);
    return builder.build();
  }
}
