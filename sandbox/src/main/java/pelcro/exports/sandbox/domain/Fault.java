package pelcro.exports.sandbox.domain;

import java.util.Map;

/**
 * One scheduled fault: what it is ({@link FaultKind}), where it applies (the whole sandbox or one
 * account; a target, or any), how often it strikes (every time, the next {@code times} times, or
 * with {@code probability} drawn from {@code seed}, so a run repeats exactly), and how often it was
 * weighed and struck so far.
 *
 * @param id {@code flt_<n>}
 * @param accountId the account it applies to, or null for every account
 * @param target the export type, operationId or event type it is aimed at, or null for any
 * @param times how many times it strikes at most; null for no limit
 * @param probability the chance it strikes each time it is weighed; null for certain
 * @param seed the seed of the draws when {@code probability} is set
 * @param params the kind's parameters ({@code reason}, {@code status}, {@code seconds}, ...)
 * @param weighed how many occasions it was weighed at
 * @param struck how many times it struck
 */
public record Fault(
    String id,
    FaultKind kind,
    Long accountId,
    String target,
    Integer times,
    Double probability,
    Long seed,
    Map<String, Object> params,
    long weighed,
    long struck) {

  public Fault {
    params = Map.copyOf(params);
  }

  /** Whether it is aimed at this occasion: the account's, and the target's (or any target). */
  public boolean aimsAt(FaultKind occasion, long account, String occasionTarget) {
    return kind == occasion
        && (accountId == null || accountId == account)
        && (target == null || target.equals(occasionTarget));
  }

  /** Whether it has strikes left at all. */
  public boolean spent() {
    return times != null && struck >= times;
  }

  /**
   * Weighs it once more: the fault as it is after this occasion, which says whether it struck. The
   * draw of occasion {@code n} depends on the seed and {@code n} alone.
   */
  public Fault weighedOnce() {
    boolean strikes =
        !spent() && (probability == null || draw(seed == null ? 0 : seed, weighed) < probability);
    return new Fault(
        id,
        kind,
        accountId,
        target,
        times,
        probability,
        seed,
        params,
        weighed + 1,
        struck + (strikes ? 1 : 0));
  }

  /** Whether {@link #weighedOnce} (from {@code before}) struck. */
  public boolean struckSince(Fault before) {
    return struck > before.struck;
  }

  public String text(String name) {
    Object value = params.get(name);
    return value == null ? null : value.toString();
  }

  public long number(String name, long fallback) {
    Object value = params.get(name);
    return value instanceof Number n ? n.longValue() : fallback;
  }

  /** A uniform draw in {@code [0, 1)} for occasion {@code n} of a seed (SplitMix64). */
  static double draw(long seed, long n) {
    long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
