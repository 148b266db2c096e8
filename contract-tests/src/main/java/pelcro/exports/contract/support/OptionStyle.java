package pelcro.exports.contract.support;

import java.util.Locale;

/** How the user sets an option where a message names it: the runner's flag or Maven's property. */
public enum OptionStyle {
  /** {@code --base-url}, for the runner jar. */
  FLAG,
  /**
   * {@code contract.baseUrl}, for {@code mvn -Dcontract.baseUrl=…} (or {@code CONTRACT_BASE_URL}).
   */
  PROPERTY;

  /** The option {@code name} ({@code baseUrl}) as the user writes it. */
  public String of(String name) {
    return this == FLAG
        ? "--" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
        : "contract." + name;
  }
}
