package pelcro.exports.sandbox.tryit;

import java.util.List;
import java.util.Optional;
import pelcro.exports.sandbox.domain.Account;

/**
 * The facts of this instance that the docs page tells its visitors: which keys work here, how long
 * an export takes, whether the test helpers and the control API are open.
 *
 * <p>Only the built-in keys are ever shown (they are public, in the README). Keys of an {@code
 * --accounts} file are secrets: the page then names no key at all.
 *
 * @param tryIt whether any {@code sk_try_…} key opens an account of its own
 * @param tryItIdleMinutes how long an unused Try-it account lives
 * @param sharedKeys the built-in keys with their sites; empty when accounts come from a file
 * @param testHelpers whether {@code /__sandbox} is open
 * @param controlApi whether {@code /__admin/sandbox} is open
 * @param jobSeconds how long an export runs before its file is ready
 * @param rateLimit requests per minute per account by default; 0 for no limit
 */
public record DocsGuide(
    boolean tryIt,
    int tryItIdleMinutes,
    List<SharedKey> sharedKeys,
    boolean testHelpers,
    boolean controlApi,
    double jobSeconds,
    int rateLimit) {
  /** The made-up Try-it key the walk-through shows until the visitor picks one. */
  public static final String EXAMPLE_TRY_IT_KEY = TryItTenants.PREFIX + "my_own_key";

  /**
   * A built-in key as the page lists it.
   *
   * @param key the bearer key
   * @param enterprise whether exports are open to its account
   * @param sites its account's sites
   */
  public record SharedKey(String key, boolean enterprise, List<Long> sites) {
    public SharedKey {
      sites = List.copyOf(sites);
    }
  }

  public DocsGuide {
    sharedKeys = List.copyOf(sharedKeys);
  }

  /**
   * The guide of an instance.
   *
   * @param builtIn the built-in accounts, or an empty list when an {@code --accounts} file replaced
   *     them (its keys are never shown)
   */
  public static DocsGuide of(
      boolean tryIt,
      int tryItIdleMinutes,
      List<Account> builtIn,
      boolean testHelpers,
      boolean controlApi,
      double jobSeconds,
      int rateLimit) {
    return new DocsGuide(
        tryIt,
        tryItIdleMinutes,
        builtIn.stream().map(a -> new SharedKey(a.key(), a.enterprise(), a.sites())).toList(),
        testHelpers,
        controlApi,
        jobSeconds,
        rateLimit);
  }

  /**
   * The key the walk-through shows: a made-up Try-it key, the first Enterprise built-in key, or
   * none.
   */
  public Optional<String> exampleKey() {
    return tryIt ? Optional.of(EXAMPLE_TRY_IT_KEY) : firstEnterpriseKey().map(SharedKey::key);
  }

  /** The site the walk-through shows: the first site of the example key's account, if known. */
  public Optional<Long> exampleSite() {
    return tryIt
        ? Optional.of(TryItTenants.SITE_IDS.get(0))
        : firstEnterpriseKey().map(k -> k.sites().get(0));
  }

  private Optional<SharedKey> firstEnterpriseKey() {
    return sharedKeys.stream()
        .filter(SharedKey::enterprise)
        .filter(k -> !k.sites().isEmpty())
        .findFirst();
  }
}
