package pelcro.exports.contract.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
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
 * requests on purpose.
 */
public final class Api {
  private static final Map<String, Filter> VALIDATORS = new ConcurrentHashMap<>();

  private Api() {}

  /** A caller with this account's key and site, recorded in the coverage summary. */
  public static RequestSpecification as(Account account) {
    return anonymous().header("Authorization", "Bearer " + account.key()).queryParam("site_id", account.siteId());
  }

  /** The same caller, not credited in the summary: for polling and clean-up. */
  public static RequestSpecification quietlyAs(Account account) {
    return base(false).header("Authorization", "Bearer " + account.key()).queryParam("site_id", account.siteId());
  }

  /** A caller with no key and no site. */
  public static RequestSpecification anonymous() {
    return base(true);
  }

  /** The enterprise account of the target. */
  public static RequestSpecification enterprise() {
    return as(Target.get().enterprise());
  }

  private static RequestSpecification base(boolean recorded) {
    Target target = Target.get();
    RequestSpecification spec = given()
        .baseUri(target.baseUrl())
        .accept(ContentType.ANY)
        .filter(validator(target))
        .filter(new PacingFilter(target.maxRequestsPerMinute()));
    return recorded && target.recordsCoverage() ? spec.filter(new CoverageFilter(target.basePath())) : spec;
  }

  private static Filter validator(Target target) {
    // A deployment told to answer non-Enterprise keys with a status the spec does not document
    // (the overview's 403, --non-enterprise-status 403) is checked on everything else.
    boolean tolerateStatus = target.nonEnterpriseStatus() != 401;
    return VALIDATORS.computeIfAbsent(target.basePath() + "|" + tolerateStatus, key -> {
      LevelResolver.Builder levels = LevelResolver.create()
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
