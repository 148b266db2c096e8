package pelcro.exports.suiterules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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

  @ArchTest
  static final ArchRule everyTestMethodCarriesDocumented =
      methods()
          .that()
          .areAnnotatedWith(Test.class)
          .or()
          .areAnnotatedWith(ParameterizedTest.class)
          .or()
          .areAnnotatedWith(TestFactory.class)
          .should()
          .beAnnotatedWith(Documented.class)
          .because("a failing contract test must say which documented behaviour broke");

  @ArchTest
  static final ArchRule suiteClassesFollowTheContractTestNaming =
      methods()
          .that()
          .areAnnotatedWith(Test.class)
          .or()
          .areAnnotatedWith(ParameterizedTest.class)
          .or()
          .areAnnotatedWith(TestFactory.class)
          .should()
          .beDeclaredInClassesThat()
          .haveSimpleNameEndingWith("ContractTest")
          .because("ContractSuiteTest selects the suite by that name");
}
