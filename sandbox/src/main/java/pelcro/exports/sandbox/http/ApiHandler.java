package pelcro.exports.sandbox.http;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the API, the test helpers and the docs page straight from Jetty: the request read whole by
 * the edge goes to the {@link ExportsDispatcher}, its {@link Answer} is written back (a file
 * streamed as the client reads it, without holding a thread while the client's socket is full) and
 * the exchange enters the {@link ApiJournal}.
 *
 * <p>WireMock's stub pipeline would add nothing here (one catch-all stub) and cost most of each
 * request: it copies every request into its journal format twice and parses its query eagerly.
 */
record ApiHandler(ExportsDispatcher dispatcher, ApiJournal journal, ClientAddresses clients) {
  /** How much of an export file is generated ahead of the client, per download. */
  private static final int FILE_BUFFER = 64 * 1024;

  /** Whether a control route takes this request. */
  boolean isControl(String method, String path) {
    return dispatcher.isControl(method, path);
  }

  /**
   * Answers one request whose body has been read.
   *
   * @param transfer the token a download's transfer is registered under, or null
   * @param callback completed once the answer is written (or failed when it broke)
   * @param journaled whether the exchange enters the journal (a control call does not)
   */
  void handle(
      Request request,
      byte[] body,
      String transfer,
      Response response,
      Callback callback,
      boolean journaled) {
    try {
      long arrived = System.currentTimeMillis();
      ApiRequest api =
          new ApiRequest(
              request.getMethod(),
              request.getHttpURI().getPathQuery(),
              request.getHttpURI().asString(),
              headers(request),
              clients.of(request),
              body);
      Answer answer = dispatcher.answer(api, transfer);
      if (journaled) {
        journal.record(api, answer, arrived);
      }
      response.setStatus(answer.status());
      answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      if (answer.file() == null) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return;
      }
      InputStream file;
      try {
        file = answer.file().opener().open();
      } catch (java.io.IOException | RuntimeException e) {
        callback.failed(e); // nothing written yet: Jetty's error handler answers a JSON 500
        return;
      }
      ByteBufferPool.Sized buffers =
          new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), false, FILE_BUFFER);
      Content.copy(Content.Source.from(buffers, file), response, callback);
    } catch (RuntimeException | Error e) {
      callback.failed(e); // Jetty's error handler answers a bare JSON 500
    }
  }

  private static List<Map.Entry<String, String>> headers(Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.getHeaders().size());
    for (HttpField field : request.getHeaders()) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>(field.getName(), field.getValue()));
    }
    return headers;
  }
}
