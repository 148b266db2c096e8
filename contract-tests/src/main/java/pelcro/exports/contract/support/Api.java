package pelcro.exports.contract.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Request specifications for each kind of caller, all checked against the spec.
 *
 * <p>Every response, error bodies included, goes through the Atlassian validator: any response
 * finding fails the test. Request findings are ignored, because negative tests send invalid
 * requests on purpose. Requests are paced under the target's rate limit ({@link Pacer}).
 */
public final class Api {
  private static final Map<String, Filter> VALIDATORS = new ConcurrentHashMap<>();

  private Api() {}

  /** A caller with this account's key and site, recorded in the coverage summary. */
  public static RequestSpecification as(Account account) {
    return anonymous()
        .header("Authorization", "Bearer " + account.key())
        .queryParam("site_id", account.siteId());
  }

  /** The same caller, not credited in the summary: for polling and clean-up. */
  public static RequestSpecification quietlyAs(Account account) {
    return base(false, true)
        .header("Authorization", "Bearer " + account.key())
        .queryParam("site_id", account.siteId());
  }

  /**
   * A caller with this account's key and site, recorded, but neither paced nor retried after a 429:
   * for the one test that must see the target's 429 itself. Every other caller of this class waits
   * for its turn under the target's rate limit and never sees a 429 unless the target refuses the
   * retry too.
   */
  public static RequestSpecification withoutPacingAs(Account account) {
    return base(true, false)
        .header("Authorization", "Bearer " + account.key())
        .queryParam("site_id", account.siteId());
  }

  /** A caller with no key and no site. */
  public static RequestSpecification anonymous() {
    return base(true, true);
  }

  /** The enterprise account of the target. */
  public static RequestSpecification enterprise() {
    return as(Target.get().enterprise());
  }

  private static RequestSpecification base(boolean recorded, boolean paced) {
    Target target = Target.get();
    RequestSpecification spec =
        given().baseUri(target.baseUrl()).accept(ContentType.ANY).filter(validator(target));
    if (paced) {
      spec = spec.config(paced(target.pacer()));
    }
    return recorded && target.recordsCoverage()
        ? spec.filter(new CoverageFilter(target.basePath()))
        : spec;
  }

  /**
   * REST Assured's settings with the pacing HTTP client (pacing and the 429 retry sit below the
   * filters).
   */
  static RestAssuredConfig paced(Pacer pacer) {
    RestAssuredConfig defaults = RestAssured.config();
    return defaults.httpClient(
        defaults.getHttpClientConfig().httpClientFactory(() -> new PacedHttpClient(pacer)));
  }

  private static Filter validator(Target target) {
    // A deployment told to answer non-Enterprise keys with a status the spec does not document
    // (the overview's 403, --non-enterprise-status 403) is checked on everything else.
    boolean tolerateStatus = target.nonEnterpriseStatus() != 401;
    return VALIDATORS.computeIfAbsent(
        target.basePath() + "|" + tolerateStatus,
        key -> {
          LevelResolver.Builder levels =
              LevelResolver.create()
                  .withDefaultLevel(ValidationReport.Level.ERROR)
                  .withLevel("validation.request", ValidationReport.Level.IGNORE);
          if (tolerateStatus) {
            levels.withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE);
          }
          return new OpenApiValidationFilter(
              OpenApiInteractionValidator.createForInlineApiSpecification(ExportsSpec.get().yaml())
                  .withBasePathOverride(target.basePath())
                  .withLevelResolver(levels.build())
                  .build());
        });
  }
}
