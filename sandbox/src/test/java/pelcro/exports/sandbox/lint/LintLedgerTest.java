package pelcro.exports.sandbox.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.store.LintStore;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.memory.MemoryEngine;

/** The ledger counts per account and rule, filters, and stays bounded. */
class LintLedgerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final SandboxState state =
      new SandboxState(new MemoryEngine(), java.time.InstantSource.fixed(T0));
  private final LintLedger ledger = new LintLedger(state.lint());

  @Test
  void keepsOneFindingPerAccountAndRuleWithItsCount() {
    for (int i = 0; i < 1000; i++) {
      ledger.record(7, LintRule.IGNORED_FIELD, "foo " + i, T0.plusSeconds(i));
    }
    ledger.record(7, LintRule.KEY_IN_QUERY, "query parameter token", T0);
    ledger.record(8, LintRule.IGNORED_FIELD, "bar", T0);

    assertThat(ledger.findings(7L, null))
        .extracting(LintFinding::rule)
        .containsExactly("ignored-field", "key-in-query");
    assertThat(ledger.findings(null, "ignored-field"))
        .extracting(LintFinding::accountId)
        .containsExactly(7L, 8L);
    LintFinding first = ledger.findings(7L, "ignored-field").get(0);
    assertThat(first.count()).isEqualTo(1000);
    assertThat(first.lastAt() - first.firstAt()).isEqualTo(999);
    assertThat(first.detail()).isEqualTo("foo 999");
  }

  @Test
  void holdsABoundedNumberOfAccounts() {
    for (long account = 0; account < LintStore.MAX_ACCOUNTS + 10; account++) {
      ledger.record(account, LintRule.DOWNLOAD_AGAIN, "x".repeat(1000), T0);
    }
    assertThat(ledger.findings(null, null))
        .hasSize(LintStore.MAX_ACCOUNTS)
        .allMatch(f -> f.detail().length() <= 200);
    assertThat(ledger.findings(0L, null))
        .as("the account recorded longest ago went first")
        .isEmpty();
  }

  @Test
  void forgetsAnAccountOrEverything() {
    ledger.record(1, LintRule.DOWNLOAD_AGAIN, "a", T0);
    ledger.record(2, LintRule.DOWNLOAD_AGAIN, "b", T0);
    ledger.forget(1);
    assertThat(ledger.findings(null, null)).extracting(LintFinding::accountId).containsExactly(2L);
    ledger.clear();
    assertThat(ledger.findings(null, null)).isEmpty();
  }

  @Test
  void theMemoryKeepsABoundedNumberOfFactsPerAccount() {
    LintMemory memory = new LintMemory(state.lint());
    for (int i = 0; i < LintStore.MAX_FACTS + 5; i++) {
      memory.remember(1, "delivered:" + i, T0.plusSeconds(i));
    }
    assertThat(memory.recall(1, "delivered:0")).isEmpty();
    assertThat(memory.recall(1, "delivered:" + (LintStore.MAX_FACTS + 4)))
        .hasValue(T0.plusSeconds(LintStore.MAX_FACTS + 4));
  }
}
