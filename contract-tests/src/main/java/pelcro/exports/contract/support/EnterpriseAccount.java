package pelcro.exports.contract.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a suite test its caller: an {@link Account} parameter is the target's Enterprise account,
 * resolved as the test starts: a class's own session accounts ({@link ClassSessions}) when it has
 * them.
 */
public final class EnterpriseAccount implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Account.class;
  }

  @Override
  public Account resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ClassSessions.targetOf(context).enterprise();
  }
}
