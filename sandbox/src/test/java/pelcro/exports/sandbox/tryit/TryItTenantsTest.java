package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

class TryItTenantsTest {
  private final ManualInstantSource clock = new ManualInstantSource(Instant.parse("2024-01-01T00:00:00Z"));
  private final List<TryItTenant> evicted = new ArrayList<>();
  private final TryItTenants tenants = new TryItTenants(clock, Duration.ofMinutes(30), 10, evicted::add);

  @Test
  void aTryItKeyGetsItsOwnEnterpriseTenantWithTheDefaultSiteIds() {
    TryItTenant alice = tenants.resolve("sk_try_alice").orElseThrow();
    TryItTenant bob = tenants.resolve("sk_try_bob").orElseThrow();

    assertThat(alice.siteIds()).containsExactly(1001L, 1002L);
    assertThat(bob.siteIds()).isEqualTo(alice.siteIds());
    assertThat(alice.accountId()).isNotEqualTo(bob.accountId());
    assertThat(tenants.resolve("sk_try_alice")).contains(alice);
  }

  @Test
  void onlyKeysOfTheTryItShapeGetATenant() {
    assertThat(tenants.resolve("sk_live_abc")).isEmpty();
    assertThat(tenants.resolve("sk_try_")).isEmpty();
    assertThat(tenants.resolve("sk_try_" + "x".repeat(65))).isEmpty();
    assertThat(tenants.resolve("sk_try_a b")).isEmpty();
    assertThat(tenants.resolve(null)).isEmpty();
    assertThat(tenants.resolve("sk_try_" + "x".repeat(64))).isPresent();
  }

  @Test
  void anIdleTenantExpiresAndItsKeyThenGetsAFreshAccount() {
    TryItTenant first = tenants.resolve("sk_try_alice").orElseThrow();
    clock.advance(Duration.ofMinutes(29));
    assertThat(tenants.resolve("sk_try_alice")).contains(first);
    clock.advance(Duration.ofMinutes(30));

    assertThat(tenants.liveCount()).isZero();
    assertThat(evicted).containsExactly(first);
    assertThat(tenants.resolve("sk_try_alice").orElseThrow().accountId()).isNotEqualTo(first.accountId());
  }

  @Test
  void theNumberOfLiveTenantsStaysAtTheCapHoweverManyVisitorsCome() {
    for (int i = 0; i < 50; i++) {
      tenants.resolve("sk_try_visitor" + i);
      assertThat(tenants.liveCount()).isLessThanOrEqualTo(10);
    }
    assertThat(evicted).hasSize(40);
  }

  @Test
  void theLeastRecentlyUsedTenantIsEvictedFirst() {
    for (int i = 0; i < 10; i++) {
      tenants.resolve("sk_try_v" + i);
    }
    TryItTenant v0 = tenants.resolve("sk_try_v0").orElseThrow();

    tenants.resolve("sk_try_newcomer");

    assertThat(evicted).extracting(TryItTenant::key).containsExactly("sk_try_v1");
    assertThat(tenants.isLiveAccount(v0.accountId())).isTrue();
  }
}
