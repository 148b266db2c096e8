package pelcro.exports.suiterules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import pelcro.exports.contract.support.Documented;

/** Every test of the suite names the documented behaviour it checks, so a failure cites the docs. */
class EveryContractTestCitesTheDocsTest {
  private static final JavaClasses SUITE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("pelcro.exports.contract");

  @Test
  void everyTestMethodCarriesDocumented() {
    methods().that().areAnnotatedWith(Test.class)
        .or().areAnnotatedWith(ParameterizedTest.class)
        .or().areAnnotatedWith(TestFactory.class)
        .should().beAnnotatedWith(Documented.class)
        .because("a failing contract test must say which documented behaviour broke")
        .check(SUITE);
  }

  @Test
  void suiteClassesFollowTheContractTestNaming() {
    methods().that().areAnnotatedWith(Test.class)
        .or().areAnnotatedWith(ParameterizedTest.class)
        .or().areAnnotatedWith(TestFactory.class)
        .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("ContractTest")
        .because("ContractSuiteTest selects the suite by that name")
        .check(SUITE);
  }
}
