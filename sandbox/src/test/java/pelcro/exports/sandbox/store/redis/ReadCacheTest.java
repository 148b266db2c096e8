package pelcro.exports.sandbox.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules by which a node's copy of Redis keeps what it read, and drops what changed. */
class ReadCacheTest {
  private final ReadCache cache = new ReadCache(100);

  @BeforeEach
  void tracking() {
    cache.tracking();
  }

  @Test
  void keepsWhatAReadBroughtWhenNothingChangedWhileItWasAway() {
    long since = cache.begin();
    cache.keep(since, "k", "k", "v1");
    assertThat(cache.get("k")).isEqualTo("v1");
  }

  @Test
  void aReadThatCrossedAChangeOfItsKeyIsNotKept() {
    long since = cache.begin();
    cache.changed("k");
    cache.keep(since, "k", "k", "old");
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void aChangeDropsTheKeyAndAnIndexsSizeAndMembers() {
    long since = cache.begin();
    cache.keep(since, "k", "k", "v");
    cache.keep(since, "z", "z" + ReadCache.SIZE, 3L);
    cache.keep(since, "z", "z" + ReadCache.MEMBERS, java.util.List.of("a"));
    cache.changed("k");
    cache.changed("z");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aNewScoreKeepsAnIndexsSizeButDropsItsMembers() {
    long since = cache.begin();
    cache.keep(since, "z", "z" + ReadCache.SIZE, 3L);
    cache.keep(since, "z", "z" + ReadCache.MEMBERS, java.util.List.of("a"));
    cache.reordered("z");
    assertThat(cache.get("z" + ReadCache.SIZE)).isEqualTo(3L);
    assertThat(cache.get("z" + ReadCache.MEMBERS)).isNull();
  }

  @Test
  void nothingIsUsedOrKeptWhileTheConnectionIsLostUntilTrackingIsOnAgain() {
    long before = cache.begin();
    cache.keep(before, "k", "k", "v");
    cache.lost();
    assertThat(cache.get("k")).isNull();
    cache.keep(cache.begin(), "k", "k", "while lost");
    assertThat(cache.get("k")).isNull();
    cache.tracking();
    cache.keep(before, "k", "k", "read before tracking");
    assertThat(cache.get("k")).isNull();
    cache.keep(cache.begin(), "k", "k", "v2");
    assertThat(cache.get("k")).isEqualTo("v2");
  }

  @Test
  void anUnsureWriteStopsTheCopyAndAsksForTrackingAgain() {
    int[] asked = {0};
    cache.retrackWith(() -> asked[0]++);
    cache.keep(cache.begin(), "k", "k", "v");
    cache.unsure();
    assertThat(cache.get("k")).isNull();
    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void theNodesOwnWriteIsKeptAndReadsSentBeforeItCannotOverwriteIt() {
    long readSent = cache.begin();
    long writeSent = cache.begin();
    cache.wrote(writeSent, "k", "mine");
    cache.keep(readSent, "k", "k", "older");
    assertThat(cache.get("k")).isEqualTo("mine");
  }

  @Test
  void theNodesOwnWriteIsNotKeptWhenAnotherNodeChangedTheKeySinceItWasSent() {
    long writeSent = cache.begin();
    cache.changed("k");
    cache.wrote(writeSent, "k", "mine");
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void aFlushOfTheDatabaseDropsEverything() {
    long since = cache.begin();
    cache.keep(since, "a", "a", 1L);
    cache.changedAll();
    cache.keep(since, "b", "b", 2L);
    assertThat(cache.size()).isZero();
  }

  @Test
  void holdsAtMostItsCapacityByStartingAfresh() {
    ReadCache small = new ReadCache(2);
    small.tracking();
    long since = small.begin();
    small.keep(since, "a", "a", 1L);
    small.keep(since, "b", "b", 2L);
    small.keep(since, "c", "c", 3L);
    assertThat(small.size()).isEqualTo(1);
    assertThat(small.get("c")).isEqualTo(3L);
  }
}
