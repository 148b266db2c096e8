package pelcro.exports.suiterules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenMethodsConjunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import pelcro.exports.contract.support.Documented;

/**
 * Every test of the suite names the documented behaviour it checks, so a failure cites the docs.
 */
@AnalyzeClasses(
    packages = "pelcro.exports.contract",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EveryContractTestCitesTheDocsTest {

  /** Every method JUnit runs as a test: plain, parameterized or a factory of tests. */
  private static GivenMethodsConjunction testMethods() {
    return methods()
        .that()
        .areAnnotatedWith(Test.class)
        .or()
        .areAnnotatedWith(ParameterizedTest.class)
        .or()
        .areAnnotatedWith(TestFactory.class);
  }

  @ArchTest
  static final ArchRule everyTestMethodCarriesDocumented =
      testMethods()
          .should()
          .beAnnotatedWith(Documented.class)
          .because("a failing contract test must say which documented behaviour broke");

  @ArchTest
  static final ArchRule suiteClassesFollowTheContractTestNaming =
      testMethods()
          .should()
          .beDeclaredInClassesThat()
          .haveSimpleNameEndingWith("ContractTest")
          .because("ContractSuiteTest selects the suite by that name");
}
