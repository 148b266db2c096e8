package pelcro.exports.sandbox.operations;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.FieldMessages;

/**
 * The required {@code site_id} query parameter (core-intro: "required at all times"): missing,
 * malformed, out of the spec's bounds, unknown and foreign sites all get 400 on {@code
 * errors.site_id}; a foreign site is answered exactly like an unknown one, so sites of other
 * accounts are not revealed.
 */
public final class SiteParameter {
  static final String NAME = "site_id";
  private static final Schema<?> SCHEMA = ExportsSpec.get().parameterSchema("SiteId");

  private SiteParameter() {}

  /** The caller's site named by the raw query value. */
  public static long require(Caller caller, String raw) {
    if (raw == null || raw.isEmpty()) {
      throw ApiException.invalid(NAME, FieldMessages.of("required", NAME, null, null));
    }
    BigInteger siteId;
    try {
      siteId = new BigInteger(raw);
    } catch (NumberFormatException e) {
      throw ApiException.invalid(NAME, FieldMessages.of("type.integer", NAME, null, null));
    }
    if (siteId.compareTo(SCHEMA.getMinimum().toBigInteger()) < 0) {
      throw ApiException.invalid(
          NAME, FieldMessages.of("minimum", NAME, null, SCHEMA.getMinimum()));
    }
    if (siteId.compareTo(SCHEMA.getMaximum().toBigInteger()) > 0) {
      throw ApiException.invalid(
          NAME, FieldMessages.of("maximum", NAME, null, SCHEMA.getMaximum()));
    }
    return requireOwned(caller, siteId.longValueExact());
  }

  /** {@code siteId} if it is one of the caller's sites. */
  public static long requireOwned(Caller caller, long siteId) {
    if (!caller.account().ownsSite(siteId)) {
      throw ApiException.invalid(NAME, FieldMessages.of("enum", NAME, null, null));
    }
    return siteId;
  }
}
