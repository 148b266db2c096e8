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
  void a_try_it_key_gets_its_own_enterprise_tenant_with_the_default_site_ids() {
    TryItTenant alice = tenants.resolve("sk_try_alice").orElseThrow();
    TryItTenant bob = tenants.resolve("sk_try_bob").orElseThrow();

    assertThat(alice.siteIds()).containsExactly(1001L, 1002L);
    assertThat(bob.siteIds()).isEqualTo(alice.siteIds());
    assertThat(alice.accountId()).isNotEqualTo(bob.accountId());
    assertThat(tenants.resolve("sk_try_alice")).contains(alice);
  }

  @Test
  void only_keys_of_the_try_it_shape_get_a_tenant() {
    assertThat(tenants.resolve("sk_live_abc")).isEmpty();
    assertThat(tenants.resolve("sk_try_")).isEmpty();
    assertThat(tenants.resolve("sk_try_" + "x".repeat(65))).isEmpty();
    assertThat(tenants.resolve("sk_try_a b")).isEmpty();
    assertThat(tenants.resolve(null)).isEmpty();
    assertThat(tenants.resolve("sk_try_" + "x".repeat(64))).isPresent();
  }

  @Test
  void an_idle_tenant_expires_and_its_key_then_gets_a_fresh_account() {
    TryItTenant first = tenants.resolve("sk_try_alice").orElseThrow();
    clock.advance(Duration.ofMinutes(29));
    assertThat(tenants.resolve("sk_try_alice")).contains(first);
    clock.advance(Duration.ofMinutes(30));

    assertThat(tenants.liveCount()).isZero();
    assertThat(evicted).containsExactly(first);
    assertThat(tenants.resolve("sk_try_alice").orElseThrow().accountId()).isNotEqualTo(first.accountId());
  }

  @Test
  void the_number_of_live_tenants_stays_at_the_cap_however_many_visitors_come() {
    for (int i = 0; i < 50; i++) {
      tenants.resolve("sk_try_visitor" + i);
      assertThat(tenants.liveCount()).isLessThanOrEqualTo(10);
    }
    assertThat(evicted).hasSize(40);
  }

  @Test
  void the_least_recently_used_tenant_is_evicted_first() {
    for (int i = 0; i < 10; i++) {
      tenants.resolve("sk_try_v" + i);
    }
    TryItTenant v0 = tenants.resolve("sk_try_v0").orElseThrow();

    tenants.resolve("sk_try_newcomer");

    assertThat(evicted).extracting(TryItTenant::key).containsExactly("sk_try_v1");
    assertThat(tenants.isLiveAccount(v0.accountId())).isTrue();
  }
}
