package pelcro.exports.attack;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes no proper HTTP client would send, as a script: writes, pauses and a half-close, then the
 * answer is read.
 *
 * @param name what the case is, e.g. {@code chunk-size-zz}
 * @param steps what the client does, in order
 * @param mustAnswer whether the server owes an answer (the request was complete, or ended by a
 *     half-close the server can see); otherwise silence only counts as a connection error
 * @param method the method the script claims, for the rules (HEAD answers have no body)
 * @param path the path the script claims, for the rules
 */
public record RawScript(
    String name, List<Step> steps, boolean mustAnswer, String method, String path) {

  /** One thing the client does on the socket. */
  public sealed interface Step permits Write, Pause, HalfClose {}

  /** Sends these bytes. */
  public record Write(byte[] bytes) implements Step {}

  /** Waits, sending nothing. */
  public record Pause(long millis) implements Step {}

  /** Shuts the client's sending side: the server reads EOF but can still answer. */
  public record HalfClose() implements Step {}

  public RawScript {
    steps = List.copyOf(steps);
  }

  /** Writes {@code bytes}, then half-closes: the server sees the whole request and EOF. */
  public static RawScript sendAndHalfClose(String name, byte[] bytes, String method, String path) {
    return new RawScript(name, List.of(new Write(bytes), new HalfClose()), true, method, path);
  }

  /** Writes {@code bytes} and waits for the answer with the connection open. */
  public static RawScript send(String name, byte[] bytes, String method, String path) {
    return new RawScript(name, List.of(new Write(bytes)), true, method, path);
  }

  /** The total time the script pauses. */
  public long pauseMillis() {
    return steps.stream()
        .filter(s -> s instanceof Pause)
        .mapToLong(s -> ((Pause) s).millis())
        .sum();
  }

  /** The case as text for a report: every byte written, each pause and the half-close. */
  public String reproduction() {
    List<String> parts = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Write w) {
        parts.add("write \"" + Escapes.printable(w.bytes(), 600) + "\"");
      } else if (step instanceof Pause p) {
        parts.add("pause " + p.millis() + " ms");
      } else {
        parts.add("half-close");
      }
    }
    return "[" + name + "] " + String.join(", ", parts);
  }

  /** Every byte the script writes. */
  public byte[] allBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    steps.stream()
        .filter(s -> s instanceof Write)
        .forEach(s -> out.writeBytes(((Write) s).bytes()));
    return out.toByteArray();
  }
}
