package pelcro.exports.sandbox;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import pelcro.exports.sandbox.store.engine.StateUnavailable;

/** The layers of the sandbox, as the folder tree shows them. */
@AnalyzeClasses(
    packages = "pelcro.exports.sandbox",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The WireMock extension ({@code wiremock/}) is a second, thin adapter over the same routes. */
  @ArchTest
  static final ArchRule onlyTheHttpAdapterKnowsWireMock =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "pelcro.exports.sandbox.http..",
              "pelcro.exports.sandbox.wiremock..",
              "pelcro.exports.sandbox.junit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.tomakehurst.wiremock..", "org.eclipse.jetty..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule theWireMockExtensionKnowsNoJetty =
      noClasses()
          .that()
          .resideInAPackage("pelcro.exports.sandbox.wiremock..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jetty..", "jakarta.servlet..");

  /** The JUnit handle hands out WireMock's client of its server, and knows nothing else of it. */
  @ArchTest
  static final ArchRule theJunitHandleKnowsOnlyWireMocksClient =
      noClasses()
          .that()
          .resideInAPackage("pelcro.exports.sandbox.junit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.eclipse.jetty..",
              "jakarta.servlet..",
              "com.github.tomakehurst.wiremock.core..",
              "com.github.tomakehurst.wiremock.extension..",
              "com.github.tomakehurst.wiremock.http..");

  @ArchTest
  static final ArchRule theDomainDependsOnNoOuterLayer =
      noClasses()
          .that()
          .resideInAPackage("pelcro.exports.sandbox.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "pelcro.exports.sandbox.http..",
              "pelcro.exports.sandbox.operations..",
              "pelcro.exports.sandbox.store..",
              "pelcro.exports.sandbox.control..",
              "pelcro.exports.sandbox.junit..");

  @ArchTest
  static final ArchRule operationsAndStoreDoNotKnowHttp =
      noClasses()
          .that()
          .resideInAnyPackage(
              "pelcro.exports.sandbox.operations..",
              "pelcro.exports.sandbox.store..",
              "pelcro.exports.sandbox.control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("pelcro.exports.sandbox.http..");

  /** The feature packages (webhooks, limits, try-it) stay behind the HTTP adapter. */
  @ArchTest
  static final ArchRule webhooksLimitsAndTryItKnowNothingOfWireMockOrJetty =
      noClasses()
          .that()
          .resideInAnyPackage("..sandbox.webhooks..", "..sandbox.limits..", "..sandbox.tryit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.tomakehurst..", "org.eclipse.jetty..", "jakarta.servlet..");

  /** The one class outside the store that builds an engine: it picks one for {@code --state}. */
  static final String STORE_WIRING = "pelcro.exports.sandbox.assembly.StateEngines";

  /** No class outside the store, the wiring aside. */
  private static GivenClassesConjunction noClassOutsideTheStoreButTheWiring() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("pelcro.exports.sandbox.store..")
        .and()
        .doNotHaveFullyQualifiedName(STORE_WIRING);
  }

  /**
   * Outside the store only the wiring knows the engines: operations, domain, HTTP adapter, control,
   * feature packages and the JUnit extension see the store's facets ({@code SandboxState} and its
   * parts), so they run alike on memory and on Redis.
   */
  @ArchTest
  static final ArchRule onlyTheWiringKnowsTheMemoryOrRedisEngine =
      noClassOutsideTheStoreButTheWiring()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "pelcro.exports.sandbox.store.memory..", "pelcro.exports.sandbox.store.redis..");

  /**
   * Nor do they see the engine's primitives (versioned reads, transactions, codecs): the rules that
   * use them live in the store. The one thing that crosses is {@link StateUnavailable}, the store's
   * "cannot be reached", which callers answer with a 503.
   */
  @ArchTest
  static final ArchRule outsideTheStoreOnlyTheWiringSeesTheEngineAndOnlyItsUnavailabilityCrosses =
      noClassOutsideTheStoreButTheWiring()
          .should()
          .dependOnClassesThat(
              resideInAPackage("pelcro.exports.sandbox.store.engine..")
                  .and(not(equivalentTo(StateUnavailable.class))));

  /** The store rules have teeth: a class of another package that builds an engine breaks both. */
  @org.junit.jupiter.api.Test
  void aClassOutsideTheStoreThatBuildsAnEngineBreaksTheStoreRules() {
    var offender =
        new com.tngtech.archunit.core.importer.ClassFileImporter()
            .importClasses(pelcro.exports.sandbox.archfixture.BuildsItsOwnEngine.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> onlyTheWiringKnowsTheMemoryOrRedisEngine.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MemoryEngine");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                outsideTheStoreOnlyTheWiringSeesTheEngineAndOnlyItsUnavailabilityCrosses.check(
                    offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("StateEngine");
  }
}
