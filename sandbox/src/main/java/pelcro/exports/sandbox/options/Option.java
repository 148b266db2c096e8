package pelcro.exports.sandbox.options;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One declared option of the sandbox: its command-line name, type, default, description, check and
 * an example value. The command line, the builder, the JUnit annotation and the Testcontainers
 * module all take their options from these declarations.
 *
 * @param name the long name without its dashes, e.g. {@code job-seconds}
 * @param type the value's type: Boolean (a flag), Integer, Long, Double, String, Path, URI or List
 *     (comma-separated strings)
 * @param defaultValue the value when the option is not given; null for none
 * @param label the value's name in {@code --help}
 * @param description the {@code --help} text ({@code ${DEFAULT-VALUE}} shows the default)
 * @param problem what is wrong with a value, or null when it is accepted
 * @param example a valid value other than the default, as written on the command line
 * @param aliases other names, e.g. {@code -v}
 * @param <T> the value's type
 */
public record Option<T>(
    String name,
    Class<?> type,
    T defaultValue,
    String label,
    String description,
    Function<T, String> problem,
    String example,
    List<String> aliases) {

  public Option {
    Objects.requireNonNull(name);
    aliases = List.copyOf(aliases);
  }

  /** An option that accepts every value of its type. */
  public static <T> Option<T> of(
      String name, Class<?> type, T defaultValue, String example, String description) {
    return new Option<>(
        name, type, defaultValue, null, description, value -> null, example, List.of());
  }

  /** A flag: present means true, absent its default, false. */
  public static Option<Boolean> flag(String name, String description) {
    return of(name, Boolean.class, false, "true", description);
  }

  /** The same option, refusing with {@code message} the values {@code valid} refuses. */
  public Option<T> check(Predicate<T> valid, String message) {
    return checkedBy(value -> valid.test(value) ? null : message);
  }

  /** The same option, refusing a value with the message {@code problem} gives (null: fine). */
  public Option<T> checkedBy(Function<T, String> problem) {
    return new Option<>(name, type, defaultValue, label, description, problem, example, aliases);
  }

  /** The same option with its value named {@code paramLabel} in {@code --help}. */
  public Option<T> label(String paramLabel) {
    return new Option<>(
        name, type, defaultValue, paramLabel, description, problem, example, aliases);
  }

  /** The same option, also known as {@code alias} (e.g. {@code -v}). */
  public Option<T> alias(String alias) {
    return new Option<>(
        name, type, defaultValue, label, description, problem, example, List.of(alias));
  }

  /** {@code --name}. */
  public String longName() {
    return "--" + name;
  }

  public boolean isFlag() {
    return type == Boolean.class;
  }

  /**
   * The command-line words that give this option {@code value} as written on a command line: {@code
   * --name=value}; a flag is {@code --name} when true and nothing when false.
   */
  public List<String> words(String value) {
    if (isFlag()) {
      return Boolean.parseBoolean(value) ? List.of(longName()) : List.of();
    }
    return List.of(longName() + "=" + value);
  }

  /** Throws IllegalArgumentException with the option's own message if {@code value} is refused. */
  @SuppressWarnings("unchecked")
  public void requireValid(Object value) {
    String refusal = problem.apply((T) value);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
