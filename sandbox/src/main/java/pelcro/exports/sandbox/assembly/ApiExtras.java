package pelcro.exports.sandbox.assembly;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import pelcro.exports.sandbox.SandboxOptions;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.http.SandboxServer;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintLedger;
import pelcro.exports.sandbox.lint.LintMemory;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.store.RuntimeAccounts;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsGuide;
import pelcro.exports.sandbox.tryit.DocsPage;
import pelcro.exports.sandbox.tryit.TryItTenants;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;
import pelcro.exports.sandbox.webhooks.ExportEventSink;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;
import pelcro.exports.sandbox.webhooks.WebhookDispatcher;
import pelcro.exports.sandbox.webhooks.WebhookOptions;

/**
 * Builds what the sandbox adds around the three operations: Try-it tenants whose eviction drops
 * their exports and lint findings, the webhook dispatcher on the sandbox clock, the rate limiter,
 * CORS, the docs page and the integrator lint.
 *
 * @param server what the HTTP adapter needs
 * @param events what the operations report to
 * @param webhooks the running dispatcher to close with the sandbox, or null
 * @param lint the integrator lint, which the control API's reset clears
 */
public record ApiExtras(
    SandboxServer.Extras server,
    ExportLifecycleEvents events,
    WebhookDispatcher webhooks,
    IntegratorLint lint) {

  public static ApiExtras of(
      SandboxOptions options,
      SandboxState state,
      SandboxClock clock,
      Accounts accounts,
      Health health,
      ActivityLog log,
      Faults faults) {
    // Keys found in a query string are looked up among existing accounts only: looking up a
    // Try-it key must not create its tenant.
    IntegratorLint lint =
        new IntegratorLint(
            state.clocks()::now,
            new LintLedger(state.lint()),
            new LintMemory(state.lint()),
            key -> accounts.byKey(key).or(() -> state.accounts().byKey(key)).map(Account::id));
    TryItTenants tenants =
        options.tryIt()
            ? new TryItTenants(
                state.accounts(),
                state.rates(),
                new TryItTenants.Limits(
                    Duration.ofMinutes(options.tryItIdleMinutes()), options.tryItMaxTenants(),
                    options.tryItNewPerClient(), options.tryItNewInTotal()),
                state::resetAccount)
            : null;
    WebhookDispatcher webhooks =
        options.webhookUrl() == null
            ? null
            : WebhookDispatcher.start(
                state.deliveries(),
                state.clocks(),
                WebhookOptions.of(options.webhookUrl(), options.webhookSecret())
                    .withRetries(options.webhookMaxAttempts(), Duration.ofSeconds(1)),
                log);
    ExportLifecycleEvents events =
        new ExportLifecycleEvents(
            webhooks == null ? ExportEventSink.NONE : webhooks,
            accountId -> account(accounts, state, accountId).map(Account::userEmail).orElse(null),
            log,
            faults);
    SandboxServer.Extras server =
        new SandboxServer.Extras(
            CorsPolicy.allowing(options.corsOrigins()),
            new DocsPage(
                SandboxServer.BASE_PATH,
                DocsGuide.of(
                    options.tryIt(),
                    options.tryItIdleMinutes(),
                    options.accounts() == null ? accounts.all() : List.of(),
                    options.testHelpers(),
                    options.admin(),
                    options.jobSeconds(),
                    options.rateLimit())),
            new RateLimiter(state.rates(), options.rateLimit()),
            state.clocks(),
            state.plans(),
            (key, client) ->
                TryItTenants.isTryItKey(key)
                    ? Optional.ofNullable(tenants)
                        .flatMap(t -> t.resolve(key, client, clock.instant()))
                    : state.accounts().byKey(key),
            id -> account(accounts, state, id).isPresent(),
            new DeliveriesControl(webhooks),
            health,
            log,
            faults,
            lint);
    return new ApiExtras(server, events, webhooks, lint);
  }

  /** An account of the accounts file, or one made at run time. */
  private static Optional<Account> account(Accounts accounts, SandboxState state, long id) {
    return RuntimeAccounts.isRuntime(id)
        ? state.accounts().byId(id)
        : accounts.all().stream().filter(a -> a.id() == id).findFirst();
  }
}
