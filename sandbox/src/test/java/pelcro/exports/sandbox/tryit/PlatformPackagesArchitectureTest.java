package pelcro.exports.sandbox.tryit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PlatformPackagesArchitectureTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("pelcro.exports.sandbox");

  @Test
  void webhooks_limits_and_try_it_know_nothing_of_wiremock_or_jetty() {
    noClasses().that().resideInAnyPackage("..sandbox.webhooks..", "..sandbox.limits..", "..sandbox.tryit..")
        .should().dependOnClassesThat().resideInAnyPackage("com.github.tomakehurst..", "org.eclipse.jetty..", "jakarta.servlet..")
        .check(classes);
  }
}
