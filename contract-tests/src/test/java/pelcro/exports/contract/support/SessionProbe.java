package pelcro.exports.contract.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A suite class in miniature for {@link ClassSessionsTest}: notes the key its class starts with,
 * then checks from every test, on whatever worker runs it, that the key is still its class's own
 * (and the one an {@link Account} parameter gets). Run only through that test's launcher (the name
 * is not one surefire picks up).
 */
@Execution(ExecutionMode.CONCURRENT)
@ExtendWith(EnterpriseAccount.class)
abstract class SessionProbe {
  /** The Enterprise key each probe class saw in its {@code @BeforeAll}. */
  static final Map<Class<?>, String> OWN_KEYS = new ConcurrentHashMap<>();

  @BeforeAll
  static void noteTheClassKey(TestInfo info) {
    OWN_KEYS.put(info.getTestClass().orElseThrow(), Target.get().enterprise().key());
  }

  private void seesItsOwnKey() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      assertThat(Target.get().enterprise().key())
          .as("the key %s's tests see", getClass().getSimpleName())
          .isEqualTo(OWN_KEYS.get(getClass()));
      Thread.sleep(3); // lets the workers take up other classes' tests in between
    }
  }

  @Test
  void first() throws InterruptedException {
    seesItsOwnKey();
  }

  @Test
  void second() throws InterruptedException {
    seesItsOwnKey();
  }

  @Test
  void third() throws InterruptedException {
    seesItsOwnKey();
  }

  @Test
  void fourth() throws InterruptedException {
    seesItsOwnKey();
  }

  @Test
  void resolvesItsAccountParameter(Account account) throws InterruptedException {
    assertThat(account.key()).isEqualTo(OWN_KEYS.get(getClass()));
    seesItsOwnKey();
  }

  @TestFactory
  Stream<DynamicTest> dynamicTests() {
    return IntStream.range(0, 4).mapToObj(i -> dynamicTest("dynamic " + i, this::seesItsOwnKey));
  }
}
