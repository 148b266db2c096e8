package pelcro.exports.sandbox.cli;

import java.net.BindException;
import java.nio.file.NoSuchFileException;
import pelcro.exports.sandbox.SandboxOptions;

/**
 * Why the sandbox could not start, in one line that names the problem and the fix: the CLI prints
 * it instead of a stack trace and exits with status 2.
 */
final class StartProblem {
  private StartProblem() {}

  static String explain(Throwable failure, SandboxOptions options) {
    if (causedBy(failure, BindException.class) || messageOf(failure).contains("Failed to bind")) {
      return "port "
          + options.port()
          + " on "
          + options.bind()
          + " is already in use (or not"
          + " allowed); choose another with --port N, or --port 0 for any free port";
    }
    if (causedBy(failure, NoSuchFileException.class)) {
      return "the accounts file "
          + options.accounts()
          + " does not exist; give --accounts the"
          + " path of a JSON file like sandbox/src/main/resources/sandbox/accounts.json";
    }
    if (messageOf(failure).startsWith("Cannot read accounts")) {
      return messageOf(failure)
          + ": "
          + messageOf(rootCause(failure))
          + "; give --accounts a"
          + " readable JSON file like sandbox/src/main/resources/sandbox/accounts.json";
    }
    if (messageOf(failure).startsWith("--state ")) {
      return messageOf(failure); // says what is wrong with the URL and what to give
    }
    if (messageOf(failure).startsWith("cannot reach Redis")) {
      return messageOf(failure) + "; start Redis or correct --state redis://HOST:PORT[/DB]";
    }
    return messageOf(failure)
        + (failure.getCause() != null && failure.getCause() != failure
            ? " (" + messageOf(rootCause(failure)) + ")"
            : "");
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
