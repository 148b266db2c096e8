package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import java.io.IOException;
import java.io.InputStream;
import pelcro.exports.sandbox.data.ExportFile;

/**
 * A download body that opens the export file on the first read, so that WireMock's own passes
 * over the response (the journal reads up to the logged-size limit, which the sandbox sets to
 * 0) never generate the file.
 */
final class LazyFileSource implements InputStreamSource {
  private final ExportFile file;

  LazyFileSource(ExportFile file) {
    this.file = file;
  }

  @Override
  public InputStream getStream() {
    return new InputStream() {
      private InputStream delegate;

      private InputStream delegate() throws IOException {
        if (delegate == null) {
          delegate = file.opener().open();
        }
        return delegate;
      }

      @Override
      public int read() throws IOException {
        return delegate().read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : delegate().read(b, off, len);
      }

      @Override
      public long transferTo(java.io.OutputStream out) throws IOException {
        return delegate().transferTo(out);
      }

      @Override
      public void close() throws IOException {
        if (delegate != null) {
          delegate.close();
        }
      }
    };
  }
}
