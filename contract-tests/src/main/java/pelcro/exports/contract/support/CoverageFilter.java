package pelcro.exports.contract.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/** Credits the running test with the operation it called and the status it got back. */
final class CoverageFilter implements Filter {
  private final String basePath;

  CoverageFilter(String basePath) {
    this.basePath =
        basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
    Response response = ctx.next(req, res);
    String path = URI.create(req.getURI()).getPath();
    String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    SpecOperations.match(req.getMethod(), relative)
        .ifPresent(op -> CoverageLedger.record(op.id(), response.statusCode()));
    return response;
  }
}
