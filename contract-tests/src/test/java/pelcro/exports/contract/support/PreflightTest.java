package pelcro.exports.contract.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.contract.support.Preflight.PreflightFailure;
import pelcro.exports.sandbox.Sandbox;

/**
 * The preflight against a default sandbox (control API closed, the vendor's 120/min limit), told
 * wrong things.
 */
class PreflightTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.builder().port(0).bind("127.0.0.1").admin(false).start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static ContractConfig config(
      String baseUrl,
      String enterpriseKey,
      long siteId,
      String basicKey,
      long basicSiteId,
      Optional<String> otherKey,
      Optional<Long> otherSiteId,
      int nonEnterpriseStatus) {
    return new ContractConfig(
        Optional.of(baseUrl),
        Optional.of("remote"),
        enterpriseKey,
        siteId,
        basicKey,
        basicSiteId,
        otherKey,
        otherSiteId,
        true,
        Duration.ofSeconds(30),
        nonEnterpriseStatus,
        0,
        Path.of("target"));
  }

  private static ContractConfig config(
      String enterpriseKey, long siteId, String basicKey, long basicSiteId) {
    return config(
        sandbox.baseUrl(),
        enterpriseKey,
        siteId,
        basicKey,
        basicSiteId,
        Optional.of("sk_test_enterprise_2"),
        Optional.of(2001L),
        401);
  }

  /** The default sandbox's keys and sites, with no other account configured. */
  private static ContractConfig withoutOtherAccount(String baseUrl, int nonEnterpriseStatus) {
    return config(
        baseUrl,
        "sk_test_enterprise",
        1001,
        "sk_test_basic",
        3001,
        Optional.empty(),
        Optional.empty(),
        nonEnterpriseStatus);
  }

  private static String failure(ContractConfig config, OptionStyle style) {
    PreflightFailure failure =
        catchThrowableOfType(
            PreflightFailure.class,
            () -> Preflight.check(Target.remote(config.baseUrl().orElseThrow(), config), style));
    assertThat(failure).as("the preflight must refuse this configuration").isNotNull();
    assertThat(failure.getMessage()).as("one line").doesNotContain("\n");
    return failure.getMessage();
  }

  private static String failure(ContractConfig config) {
    return failure(config, OptionStyle.FLAG);
  }

  @Test
  void passesTheDefaultSandboxWithItsKeys() {
    ContractConfig good = config("sk_test_enterprise", 1001, "sk_test_basic", 3001);

    assertThatCode(() -> Preflight.check(Target.remote(sandbox.baseUrl(), good), OptionStyle.FLAG))
        .doesNotThrowAnyException();
  }

  @Test
  void namesTheBaseUrlWhenNothingListensThere() throws IOException {
    String base = Unreachable.baseUrl();

    String message = failure(withoutOtherAccount(base, 401));

    assertThat(message)
        .isEqualTo(
            "cannot connect to "
                + base
                + ": Connection refused; "
                + "is the sandbox (or API) running there? (--base-url)");
  }

  @Test
  void namesTheBaseUrlWhenItIsNotTheApi() {
    String message = failure(withoutOtherAccount(sandbox.rootUrl() + "/api/v2", 401));

    assertThat(message)
        .contains("answers 404")
        .contains("no Exports API there")
        .endsWith("/api/v1/core");
    assertThat(message).contains("--base-url");
  }

  @Test
  void namesTheEnterpriseKeyWhenItIsRefusedWithoutPrintingIt() {
    String message = failure(config("sk_test_enterprise_typo", 1001, "sk_test_basic", 3001));

    assertThat(message)
        .startsWith("the Enterprise key sk_test_…typo is refused (401 \"Unauthenticated.\")")
        .endsWith("check --enterprise-key")
        .doesNotContain("sk_test_enterprise_typo");
  }

  @Test
  void namesTheEnterpriseKeyWhenItIsABasicAccountsKey() {
    String message = failure(config("sk_test_basic", 3001, "sk_test_basic", 3001));

    assertThat(message)
        .contains("is refused (401 \"Exports are available exclusively for Enterprise accounts.\")")
        .endsWith("check --enterprise-key");
  }

  @Test
  void namesTheSiteWhenItIsAnotherAccounts() {
    String message = failure(config("sk_test_enterprise", 2001, "sk_test_basic", 3001));

    assertThat(message)
        .isEqualTo(
            "site 2001 is refused for the Enterprise key (400 \"The selected site id is invalid.\"): "
                + "it must be one of that account's sites; check --site-id");
  }

  @Test
  void namesTheBasicKeyWhenItIsAnEnterpriseKey() {
    String message = failure(config("sk_test_enterprise", 1001, "sk_test_enterprise_2", 2001));

    assertThat(message).contains("is accepted for Exports (200)").contains("(--basic-key)");
  }

  @Test
  void namesTheBasicKeyWhenItIsUnknown() {
    String message = failure(config("sk_test_enterprise", 1001, "sk_test_nobody_at_all", 3001));

    assertThat(message)
        .contains("is answered exactly like an unknown key (401 \"Unauthenticated.\")")
        .contains("check --basic-key");
  }

  @Test
  void namesTheNonEnterpriseStatusWhenTheTargetAnswersAnother() {
    String message = failure(withoutOtherAccount(sandbox.baseUrl(), 403));

    assertThat(message)
        .contains("gets 401")
        .contains("the suite expects 403")
        .endsWith("or set --non-enterprise-status 401");
  }

  @Test
  void namesTheOtherKeyWhenItIsTheEnterpriseKeyItself() {
    String message =
        failure(
            config(
                sandbox.baseUrl(),
                "sk_test_enterprise",
                1001,
                "sk_test_basic",
                3001,
                Optional.of("sk_test_enterprise"),
                Optional.of(1002L),
                401));

    assertThat(message).startsWith("--other-key is the Enterprise key itself");
  }

  @Test
  void namesTheTargetOptionWhenTheControlApiIsClosed() {
    PreflightFailure failure =
        catchThrowableOfType(
            PreflightFailure.class,
            () -> Preflight.check(Target.dedicatedSandbox(sandbox.baseUrl()), OptionStyle.FLAG));

    assertThat(failure.getMessage())
        .contains("control API")
        .contains("answers 404")
        .contains("--target sandbox needs a sandbox started without --no-admin");
  }

  @Test
  void namesMavenPropertiesWhenRunFromMaven() {
    String message =
        failure(
            config("sk_test_enterprise_typo", 1001, "sk_test_basic", 3001), OptionStyle.PROPERTY);

    assertThat(message).endsWith("check contract.enterpriseKey");
  }
}
