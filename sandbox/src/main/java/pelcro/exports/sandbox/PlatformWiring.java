package pelcro.exports.sandbox;

import java.time.Duration;
import java.util.Optional;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.http.SandboxServer;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintLedger;
import pelcro.exports.sandbox.lint.LintMemory;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;
import pelcro.exports.sandbox.tryit.TryItTenant;
import pelcro.exports.sandbox.tryit.TryItTenants;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;
import pelcro.exports.sandbox.webhooks.WebhookDispatcher;
import pelcro.exports.sandbox.webhooks.WebhookOptions;

/**
 * Builds the platform around the API from {@link PlatformOptions}: Try-it tenants whose eviction
 * drops their exports and lint findings, the webhook dispatcher on the sandbox clock, the rate
 * limiter, CORS, the docs page and the integrator lint.
 *
 * @param server what the HTTP adapter needs
 * @param events what the operations report to
 * @param webhooks the running dispatcher to close with the sandbox, or null
 * @param lint the integrator lint, which the control API's reset clears
 */
record PlatformWiring(SandboxServer.Platform server, ExportLifecycleEvents events,
    WebhookDispatcher webhooks, IntegratorLint lint) {

  static PlatformWiring of(PlatformOptions options, SandboxClock clock, Accounts accounts,
      ExportStore store) {
    // Keys found in a query string are looked up in the accounts file only: looking up a
    // Try-it key would create its tenant.
    IntegratorLint lint = new IntegratorLint(clock, new LintLedger(), new LintMemory(),
        key -> accounts.byKey(key).map(Account::id));
    TryItTenants tenants = options.tryIt()
        ? new TryItTenants(clock, Duration.ofMinutes(options.tryItIdleMinutes()),
            options.tryItMaxTenants(), tenant -> {
              store.removeAccount(tenant.accountId());
              lint.forget(tenant.accountId());
            })
        : null;
    WebhookDispatcher webhooks = options.webhookUrl() == null ? null
        : WebhookDispatcher.start(clock, WebhookOptions.of(options.webhookUrl(), options.webhookSecret())
            .withRetries(options.webhookMaxAttempts(), Duration.ofSeconds(1)));
    ExportLifecycleEvents events = webhooks == null ? ExportLifecycleEvents.NONE
        : new ExportLifecycleEvents(webhooks, accountId -> userEmail(accounts, tenants, accountId));
    SandboxServer.Platform server = new SandboxServer.Platform(
        CorsPolicy.allowing(options.corsOrigins()),
        new DocsPage(SandboxServer.BASE_PATH),
        new RateLimiter(clock, options.rateLimit()),
        key -> tenants == null ? Optional.empty() : tenants.resolve(key).map(PlatformWiring::account),
        new DeliveriesControl(webhooks),
        lint);
    return new PlatformWiring(server, events, webhooks, lint);
  }

  /** A tenant as an account: Enterprise, the default sites, the run's default rate limit. */
  private static Account account(TryItTenant tenant) {
    return new Account(tenant.accountId(), tenant.key(), true, tenant.siteIds(), tenant.userId(),
        tenant.userEmail(), null);
  }

  private static String userEmail(Accounts accounts, TryItTenants tenants, long accountId) {
    return accounts.all().stream().filter(a -> a.id() == accountId).map(Account::userEmail)
        .findFirst().orElseGet(() -> tenants == null ? null : TryItTenant.userEmailOf(accountId));
  }
}
