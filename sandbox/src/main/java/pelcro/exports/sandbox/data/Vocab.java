package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.openapi.ExportsSpec;

/**
 * The values of one enum of the spec (minus {@code all}), with one dominant value: generated data
 * uses exactly the values a filter can ask for, and no list is typed twice.
 */
final class Vocab {
  private final String[] values;
  private final int dominant;
  private final int dominantPercent;

  private Vocab(String[] values, int dominant, int dominantPercent) {
    this.values = values;
    this.dominant = dominant;
    this.dominantPercent = dominantPercent;
  }

  /** The enum of the spec schema {@code schemaName}; {@code dominant} must be one of its values. */
  static Vocab of(String schemaName, String dominant, int dominantPercent) {
    List<?> listed = ExportsSpec.get().schema(schemaName).getEnum();
    String[] values =
        listed.stream().map(String::valueOf).filter(v -> !v.equals("all")).toArray(String[]::new);
    int index = List.of(values).indexOf(dominant);
    if (index < 0) {
      throw new IllegalStateException(schemaName + " has no value " + dominant);
    }
    return new Vocab(values, index, dominantPercent);
  }

  /** The value for a hash: the dominant one with its share, else any value uniformly. */
  String pick(long bits) {
    long positive = bits >>> 1;
    if (positive % 100 < dominantPercent) {
      return values[dominant];
    }
    return values[(int) ((positive / 100) % values.length)];
  }

  /** Every value, in the spec's order. */
  List<String> values() {
    return List.of(values);
  }
}
