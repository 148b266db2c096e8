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
import pelcro.exports.sandbox.store.RequestReads;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ControlScope;
import pelcro.exports.sandbox.control.FaultsOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.control.SessionsOperation;
import java.util.function.LongPredicate;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintControl;
import java.util.Map;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;

/**
 * The sandbox's control API under {@code /__admin/sandbox/}: reset, the clocks (the sandbox's
 * and each account's), forcing an export to complete or fail, sessions, faults, webhook deliveries
 * and the integrator lint.
 * Sandbox-only; {@code --no-admin} closes it with the rest of {@code /__admin}. Register via
 * {@link SandboxServer}.
 */
final class SandboxAdminApi implements AdminApiExtension {
  static final String NAME = "exports-sandbox-control";

  private final ControlOperations ops;
  private final LongPredicate knownAccount;

  /** @param knownAccount whether an account id names an account (file or run time) */
  SandboxAdminApi(ControlOperations ops, LongPredicate knownAccount) {
    this.ops = ops;
    this.knownAccount = knownAccount;
  }

  /** What the control API does. */
  record ControlOperations(ResetOperation reset, ClockOperation clock,
      CompleteExportOperation complete, FailExportOperation fail, SessionsOperation sessions,
      FaultsOperation faults, DeliveriesControl deliveries, LintControl lint) {}

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
        return ops.reset().handle(ControlScope.WHOLE_SANDBOX);
      }
    });
    router.add(RequestMethod.GET, "/sandbox/clock", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.clock().show(ControlScope.WHOLE_SANDBOX);
      }
    });
    router.add(RequestMethod.POST, "/sandbox/clock/advance", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.clock().advance(ControlScope.WHOLE_SANDBOX, in.body());
      }
    });
    router.add(RequestMethod.POST, "/sandbox/exports/{uuid}/complete", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.complete().handle(ControlScope.WHOLE_SANDBOX, in.param("uuid"));
      }
    });
    router.add(RequestMethod.POST, "/sandbox/exports/{uuid}/fail", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.fail().handle(ControlScope.WHOLE_SANDBOX, in.param("uuid"), in.body());
      }
    });
    router.add(RequestMethod.GET, "/sandbox/accounts/{id}/clock", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.clock().show(account(in));
      }
    });
    router.add(RequestMethod.POST, "/sandbox/accounts/{id}/clock/advance", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.clock().advance(account(in), in.body());
      }
    });
    router.add(RequestMethod.POST, "/sandbox/accounts/{id}/reset", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.reset().handle(account(in));
      }
    });
    router.add(RequestMethod.POST, "/sandbox/sessions", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.sessions().create();
      }
    });
    router.add(RequestMethod.DELETE, "/sandbox/sessions/{id}", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.sessions().end(in.param("id"));
      }
    });
    router.add(RequestMethod.GET, "/sandbox/faults", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.faults().list(ControlScope.WHOLE_SANDBOX);
      }
    });
    router.add(RequestMethod.POST, "/sandbox/faults", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.faults().add(ControlScope.WHOLE_SANDBOX, in.body());
      }
    });
    router.add(RequestMethod.DELETE, "/sandbox/faults", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.faults().clear(ControlScope.WHOLE_SANDBOX);
      }
    });
    router.add(RequestMethod.DELETE, "/sandbox/faults/{id}", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.faults().remove(ControlScope.WHOLE_SANDBOX, in.param("id"));
      }
    });
    router.add(RequestMethod.GET, "/sandbox/webhooks/deliveries", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.deliveries().list();
      }
    });
    router.add(RequestMethod.GET, "/sandbox/lint", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.lint().list(in.query().get("account"), in.query().get("rule"));
      }
    });
    router.add(RequestMethod.POST, "/sandbox/webhooks/deliveries/{uuid}/redeliver", new ControlTask() {
      @Override
      Object act(Input in) {
        return ops.deliveries().redeliver(in.param("uuid")).orElseThrow(
            () -> new ApiException(ApiError.CONTROL_DELIVERY_NOT_FOUND, in.param("uuid")));
      }
    });
  }

  /** The account a per-account route names: 400 for a malformed id, 404 for an unknown one. */
  private ControlScope account(Input in) {
    String id = in.param("id");
    long accountId;
    try {
      accountId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ApiException(ApiError.CONTROL_BAD_REQUEST, "The account id must be an integer.");
    }
    if (!knownAccount.test(accountId)) {
      throw new ApiException(ApiError.CONTROL_ACCOUNT_NOT_FOUND, id);
    }
    return ControlScope.account(accountId);
  }

  /** What a control task receives. */
  private record Input(PathParams params, JsonNode body, Map<String, String> query) {
    String param(String name) {
      return params.get(name);
    }
  }

  /** A control route: parses the body, runs {@link #act}, renders JSON or the error. */
  private abstract static class ControlTask implements AdminTask {
    abstract Object act(Input in);

    @Override
    public ResponseDefinition execute(Admin admin, ServeEvent serveEvent, PathParams pathParams) {
      try (RequestReads.Scope reads = RequestReads.open()) {
        JsonNode body = Json.readOptionalBody(serveEvent.getRequest().getBody());
        Object result = act(new Input(pathParams, body,
            QueryString.parse(serveEvent.getRequest().getUrl())));
        return new ResponseDefinitionBuilder()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(Json.write(result))
            .build();
      } catch (ApiException e) {
        return definition(e);
      } catch (StateUnavailable e) {
        return definition(new ApiException(ApiError.SERVICE_UNAVAILABLE)
            .withRetryAfter(java.time.Duration.ofSeconds(1)));
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
