package pelcro.exports.contract;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** The surefire entry: runs the contract suite (in src/main/java) against the configured target. */
@Suite
@SelectPackages("pelcro.exports.contract")
@IncludeClassNamePatterns(".*ContractTest")
class ContractSuiteTest {}
