package pelcro.exports.sandbox.tryit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature packages (webhooks, limits, try-it) stay behind the HTTP adapter. */
@AnalyzeClasses(
    packages = "pelcro.exports.sandbox",
    importOptions = ImportOption.DoNotIncludeTests.class)
class FeaturePackagesArchitectureTest {

  @ArchTest
  static final ArchRule webhooksLimitsAndTryItKnowNothingOfWireMockOrJetty =
      noClasses()
          .that()
          .resideInAnyPackage("..sandbox.webhooks..", "..sandbox.limits..", "..sandbox.tryit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.tomakehurst..", "org.eclipse.jetty..", "jakarta.servlet..");
}
