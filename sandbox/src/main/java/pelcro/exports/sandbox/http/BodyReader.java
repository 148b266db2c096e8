package pelcro.exports.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Reads a request body without holding a thread while the client is slow: chunks are taken as Jetty
 * has them and the reader asks to be called back for more, so a client that sends headers and then
 * stalls costs a connection, not one of the server's threads.
 *
 * <p>The body is refused when it grows past {@code maxBytes} (413), when it has not arrived whole
 * within the deadline, or when the client breaks the framing or hangs up early (400, on {@code
 * errors.body}). Exactly one of the two consumers is called, once.
 *
 * <p>A body that is too large is still read, and thrown away, up to {@link #DRAIN_LIMIT}: a server
 * that answers and closes while the client is still sending makes the client's TCP stack discard
 * the answer (a reset), and the client would see a broken connection instead of the 413.
 */
final class BodyReader implements Runnable {
  /** How much of a body that is too large is read and dropped, so the 413 reaches the client. */
  static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private final Request request;
  private final int maxBytes;
  private final Consumer<byte[]> onBody;
  private final Consumer<ApiException> onRefusal;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final AtomicBoolean done = new AtomicBoolean();
  private long received;
  private boolean tooLarge;
  private Duration within;
  // Set by the thread that first has to wait, read by the one that finishes (another thread).
  private volatile Scheduler.Task deadline;

  BodyReader(
      Request request, int maxBytes, Consumer<byte[]> onBody, Consumer<ApiException> onRefusal) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.onBody = onBody;
    this.onRefusal = onRefusal;
  }

  /** Starts reading; the deadline counts from now. */
  void start(Duration within) {
    this.within = within;
    run();
  }

  /** Reads what has arrived; called again by Jetty when more arrives. */
  @Override
  public void run() {
    while (!done.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        startDeadline();
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        refuse(ApiException.invalid("body", "The request body is malformed or ended early."));
        return;
      }
      int size = chunk.remaining();
      received += size;
      tooLarge |= received > maxBytes;
      if (!tooLarge) {
        byte[] bytes = new byte[size];
        chunk.get(bytes, 0, size);
        body.write(bytes, 0, size);
      }
      chunk.release();
      if (tooLarge && (chunk.isLast() || received > DRAIN_LIMIT)) {
        refuse(new ApiException(ApiError.BODY_TOO_LARGE));
        return;
      }
      if (chunk.isLast()) {
        if (finish()) {
          onBody.accept(body.toByteArray());
        }
        return;
      }
    }
  }

  /**
   * Starts the deadline the first time the reader has to wait. Most bodies arrive with their
   * headers and are read whole by the first pass, and then no timer is set and cancelled: Jetty's
   * scheduler is one queue behind a lock, and a timer per request made every request thread queue
   * on it (seen in perf under bin/benchmark-api's load). The first wait comes within microseconds
   * of {@link #start}, so the deadline still counts from the start.
   */
  private void startDeadline() {
    if (deadline == null) {
      deadline =
          request
              .getComponents()
              .getScheduler()
              .schedule(
                  () ->
                      refuse(
                          ApiException.invalid("body", "The request body did not arrive in time.")),
                  within.toMillis(),
                  TimeUnit.MILLISECONDS);
    }
  }

  private void refuse(ApiException e) {
    if (finish()) {
      onRefusal.accept(e);
    }
  }

  private boolean finish() {
    if (!done.compareAndSet(false, true)) {
      return false;
    }
    if (deadline != null) {
      deadline.cancel();
    }
    return true;
  }
}
