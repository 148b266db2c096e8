package pelcro.exports.sandbox.options;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The declared options in picocli's model: the options of the command line, and the one parser that
 * the builder's, the annotation's and the container's {@code --name=value} words go through.
 */
public final class CommandLineOptions {
  private static final Map<Class<?>, Class<?>> PICOCLI_TYPES =
      Map.of(
          Boolean.class,
          boolean.class,
          Integer.class,
          int.class,
          Long.class,
          long.class,
          Double.class,
          double.class,
          String.class,
          String.class,
          Path.class,
          Path.class,
          URI.class,
          URI.class,
          List.class,
          List.class);

  private CommandLineOptions() {}

  /** Adds {@code options} to {@code spec}, in their order. */
  public static void addTo(CommandSpec spec, List<Option<?>> options) {
    options.forEach(option -> spec.addOption(optionSpec(option)));
  }

  private static OptionSpec optionSpec(Option<?> option) {
    List<String> names = new ArrayList<>(option.aliases());
    names.add(option.longName());
    OptionSpec.Builder spec =
        OptionSpec.builder(names.toArray(String[]::new))
            .description(option.description())
            .type(PICOCLI_TYPES.get(option.type()));
    if (option.isFlag()) {
      spec.arity("0");
    } else {
      String label = option.label();
      spec.paramLabel(label != null ? label : "<" + camelCase(option.name()) + ">");
    }
    if (option.type() == List.class) {
      spec.auxiliaryTypes(String.class).splitRegex(",");
    } else if (option.defaultValue() != null) {
      spec.defaultValue(String.valueOf(option.defaultValue()));
    }
    return spec.build();
  }

  private static String camelCase(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  /** The options {@code result} matched, with their values. */
  public static Map<Option<?>, Object> given(ParseResult result, List<Option<?>> options) {
    Map<Option<?>, Object> given = new LinkedHashMap<>();
    for (Option<?> option : options) {
      if (result.hasMatchedOption(option.longName())) {
        given.put(option, result.matchedOptionValue(option.longName(), null));
      }
    }
    return given;
  }

  /**
   * The options that {@code words} (as on the command line) give, parsed as the command line parses
   * them.
   *
   * @throws IllegalArgumentException with picocli's message for an unknown option or bad value
   */
  public static Map<Option<?>, Object> parse(List<Option<?>> options, List<String> words) {
    CommandSpec spec = CommandSpec.create();
    addTo(spec, options);
    try {
      return given(new CommandLine(spec).parseArgs(words.toArray(String[]::new)), options);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
