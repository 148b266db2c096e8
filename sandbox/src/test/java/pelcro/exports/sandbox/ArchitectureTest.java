package pelcro.exports.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the sandbox, as the folder tree shows them. */
@AnalyzeClasses(packages = "pelcro.exports.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheHttpAdapterKnowsWireMock =
      noClasses().that().resideOutsideOfPackage("pelcro.exports.sandbox.http..")
          .should().dependOnClassesThat().resideInAnyPackage("com.github.tomakehurst.wiremock..",
              "org.eclipse.jetty..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule theDomainDependsOnNoOuterLayer =
      noClasses().that().resideInAPackage("pelcro.exports.sandbox.domain..")
          .should().dependOnClassesThat().resideInAnyPackage("pelcro.exports.sandbox.http..",
              "pelcro.exports.sandbox.operations..", "pelcro.exports.sandbox.store..",
              "pelcro.exports.sandbox.control..", "pelcro.exports.sandbox.junit..");

  @ArchTest
  static final ArchRule operationsAndStoreDoNotKnowHttp =
      noClasses().that().resideInAnyPackage("pelcro.exports.sandbox.operations..",
              "pelcro.exports.sandbox.store..", "pelcro.exports.sandbox.control..")
          .should().dependOnClassesThat().resideInAPackage("pelcro.exports.sandbox.http..");
}
