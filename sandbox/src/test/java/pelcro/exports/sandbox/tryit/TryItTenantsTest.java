package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.memory.MemoryEngine;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

class TryItTenantsTest {
  private final ManualInstantSource clock =
      new ManualInstantSource(Instant.parse("2024-01-01T00:00:00Z"));
  private final SandboxState state = new SandboxState(new MemoryEngine(), clock);
  private final List<Long> ended = new ArrayList<>();

  private TryItTenants tenants(int max, int perClient, int inTotal) {
    return new TryItTenants(
        state.accounts(),
        state.rates(),
        new TryItTenants.Limits(Duration.ofMinutes(30), max, perClient, inTotal),
        ended::add);
  }

  private final TryItTenants tenants = tenants(10, 1000, 1000);

  private Account resolve(TryItTenants t, String key) {
    return t.resolve(key, "127.0.0.1", clock.instant()).orElseThrow();
  }

  @Test
  void aTryItKeyGetsItsOwnEnterpriseTenantWithTheDefaultSiteIds() {
    Account alice = resolve(tenants, "sk_try_alice");
    Account bob = resolve(tenants, "sk_try_bob");

    assertThat(alice.sites()).containsExactly(1001L, 1002L);
    assertThat(alice.enterprise()).isTrue();
    assertThat(bob.sites()).isEqualTo(alice.sites());
    assertThat(alice.id()).isNotEqualTo(bob.id());
    assertThat(resolve(tenants, "sk_try_alice")).isEqualTo(alice);
  }

  @Test
  void onlyKeysOfTheTryItShapeGetATenant() {
    for (String key :
        new String[] {"sk_live_abc", "sk_try_", "sk_try_" + "x".repeat(65), "sk_try_a b", null}) {
      assertThat(tenants.resolve(key, "127.0.0.1", clock.instant())).as(key).isEmpty();
    }
    assertThat(tenants.resolve("sk_try_" + "x".repeat(64), "127.0.0.1", clock.instant()))
        .isPresent();
  }

  @Test
  void anIdleTenantExpiresAndItsKeyThenGetsAFreshAccount() {
    Account first = resolve(tenants, "sk_try_alice");
    clock.advance(Duration.ofMinutes(29));
    assertThat(resolve(tenants, "sk_try_alice")).isEqualTo(first);
    clock.advance(Duration.ofMinutes(30));

    assertThat(tenants.liveCount(clock.instant())).isZero();
    assertThat(ended).containsExactly(first.id());
    assertThat(resolve(tenants, "sk_try_alice").id()).isNotEqualTo(first.id());
  }

  @Test
  void anIdleTenantWhoseKeyComesBackIsEndedAndTheKeyGetsAFreshAccount() {
    Account first = resolve(tenants, "sk_try_alice");
    clock.advance(Duration.ofMinutes(31));

    Account again = resolve(tenants, "sk_try_alice");

    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(ended).containsExactly(first.id());
    assertThat(state.accounts().byId(first.id())).isEmpty();
    assertThat(tenants.liveCount(clock.instant())).isEqualTo(1);
  }

  @Test
  void theNumberOfLiveTenantsStaysAtTheCapHoweverManyVisitorsCome() {
    for (int i = 0; i < 50; i++) {
      resolve(tenants, "sk_try_visitor" + i);
      assertThat(tenants.liveCount(clock.instant())).isLessThanOrEqualTo(10);
    }
    assertThat(ended).hasSize(40);
  }

  @Test
  void theLeastRecentlyUsedTenantIsEndedFirst() {
    List<Account> visitors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      visitors.add(resolve(tenants, "sk_try_v" + i));
      clock.advance(Duration.ofSeconds(1));
    }
    resolve(tenants, "sk_try_v0");
    clock.advance(Duration.ofSeconds(1));

    resolve(tenants, "sk_try_newcomer");

    assertThat(ended).containsExactly(visitors.get(1).id());
    assertThat(state.accounts().byKey("sk_try_v0")).isPresent();
    assertThat(state.accounts().byKey("sk_try_v1")).isEmpty();
  }

  @Test
  void oneClientCannotFarmNewTenantsFasterThanItsLimit() {
    TryItTenants limited = tenants(1000, 3, 1000);
    for (int i = 0; i < 3; i++) {
      limited.resolve("sk_try_farm" + i, "127.0.0.9", clock.instant());
    }
    assertThatThrownBy(() -> limited.resolve("sk_try_farm3", "127.0.0.9", clock.instant()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_REQUESTS);
              assertThat(e.retryAfter()).isPositive();
            });
    assertThat(limited.resolve("sk_try_other", "127.0.0.10", clock.instant()))
        .as("another client is not held back")
        .isPresent();
    assertThat(limited.resolve("sk_try_farm0", "127.0.0.9", clock.instant()))
        .as("an existing tenant is not a new one")
        .isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limited.resolve("sk_try_farm3", "127.0.0.9", clock.instant())).isPresent();
  }

  @Test
  void allClientsTogetherCannotCreateMoreThanTheTotalLimit() {
    TryItTenants limited = tenants(1000, 1000, 5);
    for (int i = 0; i < 5; i++) {
      limited.resolve("sk_try_v" + i, "127.0.1." + i, clock.instant());
    }
    assertThatThrownBy(() -> limited.resolve("sk_try_v5", "127.0.1.5", clock.instant()))
        .isInstanceOf(ApiException.class);
  }
}
