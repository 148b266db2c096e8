package pelcro.exports.sandbox.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.cli.SandboxMain;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps the documentation true: every command-line option has a row in the options table of {@code
 * docs/reference.md}, every relative link of {@code README.md}, {@code CHANGELOG.md} and {@code
 * docs/*.md} (anchors included) reaches a file and a heading that exist, and the README's JUnit 5
 * test is the one the plain example runs.
 */
class DocsTest {
  private static final Path ROOT = projectRoot();
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s*\\[[^\\]]+]:\\s*(\\S+)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  @Test
  void everyCommandLineOptionHasARowInTheReferenceOptionsTable() throws IOException {
    List<String> firstCells =
        Files.readString(ROOT.resolve("docs/reference.md"))
            .lines()
            .filter(line -> line.startsWith("|"))
            .map(line -> line.substring(1).split("(?<!\\\\)\\|", 2)[0])
            .toList();
    List<String> options =
        new CommandLine(new SandboxMain())
            .getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
    assertThat(options).isNotEmpty();

    List<String> missing =
        options.stream()
            .filter(option -> firstCells.stream().noneMatch(cell -> namesOption(cell, option)))
            .toList();

    assertThat(missing)
        .as("options without a row (first cell `%s ...`) in docs/reference.md", "--option")
        .isEmpty();
  }

  @Test
  void everyRelativeLinkInTheReadmeAndTheDocsReachesAFileAndItsHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : markdownPages()) {
      String text = withoutInlineCode(withoutFences(Files.readString(page)));
      for (String target : linkTargets(text)) {
        String problem = problemWith(page, target);
        if (problem != null) {
          broken.add(ROOT.relativize(page) + ": (" + target + ") " + problem);
        }
      }
    }
    assertThat(broken).as("broken relative links").isEmpty();
  }

  @Test
  void theReadmesJUnitTestIsTheOneTheExampleRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("```java\n") + "```java\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    Path example =
        ROOT.resolve("examples/plain-junit/src/test/java/com/example/exports/QuickStartTest.java");

    assertThat(snippet).isEqualTo(Files.readString(example));
  }

  @Test
  void headingSlugsFollowGitHubsRules() {
    Map<String, Integer> seen = new HashMap<>();
    assertThat(slug("Control API (sandbox only; off with `--no-admin`)", seen))
        .isEqualTo("control-api-sandbox-only-off-with---no-admin");
    assertThat(slug("Where the vendor's docs disagree, and what this project chose", seen))
        .isEqualTo("where-the-vendors-docs-disagree-and-what-this-project-chose");
    assertThat(slug("Benchmark: `bin/benchmark-scale-out`", seen))
        .isEqualTo("benchmark-binbenchmark-scale-out");
    assertThat(slug("Options", seen)).isEqualTo("options");
    assertThat(slug("Options", seen)).isEqualTo("options-1");
  }

  private static boolean namesOption(String cell, String option) {
    String alone = "(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])";
    return Pattern.compile(alone).matcher(cell).find();
  }

  /**
   * README.md, CHANGELOG.md and every page in docs/, however many are added later. Drafts in
   * folders below docs/ (such as docs/pending/) are written for the place they will move to.
   */
  private static List<Path> markdownPages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    pages.add(ROOT.resolve("CHANGELOG.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private static Set<String> linkTargets(String text) {
    Set<String> targets = new LinkedHashSet<>();
    for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.startsWith("<") && target.endsWith(">")) {
          target = target.substring(1, target.length() - 1);
        }
        if (!SCHEME.matcher(target).find() && !target.startsWith("//")) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /** Null when the link resolves, otherwise what is wrong with it. */
  private static String problemWith(Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file =
        path.isEmpty()
            ? page
            : page.getParent()
                .resolve(URI.create("x:/" + path.replace(" ", "%20")).getPath().substring(1))
                .normalize();
    if (!file.startsWith(ROOT)) {
      return "leaves the repository";
    }
    if (!Files.exists(file)) {
      return "no such file";
    }
    if (anchor == null || anchor.isEmpty()) {
      return null;
    }
    if (!file.toString().endsWith(".md")) {
      return "an anchor into a file that is not Markdown";
    }
    return anchors(file).contains(anchor) ? null : "no heading with this anchor";
  }

  private static Set<String> anchors(Path markdown) throws IOException {
    String text = withoutFences(Files.readString(markdown));
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    Matcher heading = HEADING.matcher(text);
    while (heading.find()) {
      anchors.add(slug(heading.group(1), seen));
    }
    Matcher html = HTML_ANCHOR.matcher(text);
    while (html.find()) {
      anchors.add(html.group(1));
    }
    return anchors;
  }

  /**
   * GitHub's heading ids: the heading's text lower-cased, every character but letters, digits,
   * spaces, hyphens and underscores dropped, spaces made hyphens; a repeated id gets -1, -2...
   */
  static String slug(String heading, Map<String, Integer> seen) {
    String text =
        heading
            .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
            .replaceAll("<[^>]+>", "")
            .toLowerCase(Locale.ROOT);
    String base =
        text.codePoints()
            .filter(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_')
            .map(c -> c == ' ' ? '-' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    int n = seen.merge(base, 1, Integer::sum) - 1;
    return n == 0 ? base : base + "-" + n;
  }

  /** The text without fenced code blocks, where no link or heading is. */
  private static String withoutFences(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.stripLeading();
      if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
        fence = trimmed.substring(0, 3);
        out.append('\n');
      } else if (fence != null) {
        if (trimmed.startsWith(fence)) {
          fence = null;
        }
        out.append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** The text without inline code spans, where no link is. */
  private static String withoutInlineCode(String markdown) {
    return markdown.replaceAll("`[^`\n]*`", "code");
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    // Maven runs a module's tests from the module's folder.
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a README.md above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir.normalize();
  }
}
