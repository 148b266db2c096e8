package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyMaskTest {

  @Test
  void keepsTheKindOfAKeyAndAtMostItsLastFourCharacters() {
    assertThat(KeyMask.key("sk_test_enterprise")).isEqualTo("sk_test_…ise");
    assertThat(KeyMask.key("sk_live_0123456789abcdefghij")).isEqualTo("sk_live_…ghij");
    assertThat(KeyMask.key("sk_try_ab")).isEqualTo("sk_try_…");
    assertThat(KeyMask.key("tok")).isEqualTo("tok…");
  }

  @Test
  void masksEveryKeyInAUrlAndTheCredentialOfAnAuthorizationHeader() {
    assertThat(KeyMask.keysIn("/exports?site_id=1&key=sk_test_enterprise&x=sk_try_visitor42"))
        .isEqualTo("/exports?site_id=1&key=sk_test_…ise&x=sk_try_…r42");
    assertThat(KeyMask.authorization("Bearer sk_test_enterprise")).isEqualTo("Bearer sk_test_…ise");
  }

  @Test
  void hidesThePasswordOfAUrl() {
    assertThat(KeyMask.urlPassword("https://hook:p4ssw0rd@example.com/in"))
        .isEqualTo("https://hook:***@example.com/in");
    assertThat(KeyMask.urlPassword("https://example.com/in")).isEqualTo("https://example.com/in");
  }
}
