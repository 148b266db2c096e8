package pelcro.exports.contract;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import pelcro.exports.contract.support.ContractConfig;
import pelcro.exports.contract.support.OptionStyle;
import pelcro.exports.contract.support.Preflight;
import pelcro.exports.contract.support.Target;

/**
 * The surefire entry: runs the contract suite (in src/main/java) against the configured target,
 * after the same preflight as the runner's, so a wrong target or key fails once, with one message
 * naming the property to fix, instead of in every test.
 */
@Suite
@SelectPackages("pelcro.exports.contract")
@IncludeClassNamePatterns(".*ContractTest")
class ContractSuiteTest {

  @BeforeSuite
  static void checkTheTargetFirst() {
    if (ContractConfig.preflightEnabled()) {
      Preflight.check(Target.get(), OptionStyle.PROPERTY);
    }
  }
}
