package pelcro.exports.mutants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The catalogue of deliberate faults the suite must notice. */
final class Faults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Faults() {}

  /** A fresh instance of each fault (faults that replay answers keep state). */
  static List<Supplier<Fault>> all() {
    return List.of(
        NonEnterpriseGets403::new,
        ExportLosesStartedAt::new,
        SecondDownloadServed::new,
        ConflictAccepted::new,
        NotReadyMessageReworded::new,
        DownloadServedAsCsv::new,
        ValidationLosesErrors::new,
        AccountingZipLosesAReport::new);
  }

  /** 403 instead of 401: the overview's reading, not the endpoint pages'. */
  static final class NonEnterpriseGets403 extends Fault {
    NonEnterpriseGets403() {
      super("401 for missing/bad keys and non-Enterprise accounts", "AuthenticationContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      return r.getStatus() == 401 ? Response.Builder.like(r).but().status(403).build() : r;
    }
  }

  /** The export object without {@code started_at}. */
  static final class ExportLosesStartedAt extends Fault {
    ExportLosesStartedAt() {
      super("the export object's fields (export attributes)", "LifecycleContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      if (!isPost(e) || r.getStatus() != 200) return r;
      try {
        ObjectNode body = (ObjectNode) JSON.readTree(r.getBody());
        ((ObjectNode) body.get("data")).remove("started_at");
        return withBody(r, 200, JSON.writeValueAsBytes(body));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  /** The file is served again instead of "already downloaded". */
  static final class SecondDownloadServed extends Fault {
    private final Map<String, Response> served = new ConcurrentHashMap<>();

    SecondDownloadServed() {
      super("download once, then 400 already downloaded", "DownloadContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      if (!isDownload(e)) return r;
      String path = e.getRequest().getUrl().replaceAll("\\?.*", "");
      if (r.getStatus() == 200) served.put(path, r);
      return r.getStatus() == 400 && served.containsKey(path) ? served.get(path) : r;
    }
  }

  /** No "Export in progress": the second request gets the first one's export back. */
  static final class ConflictAccepted extends Fault {
    private volatile Response lastAccepted;

    ConflictAccepted() {
      super("409 Export in progress, one export per type", "ConflictContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      if (!isPost(e)) return r;
      if (r.getStatus() == 200) lastAccepted = r;
      return r.getStatus() == 409 && lastAccepted != null ? lastAccepted : r;
    }
  }

  /** The not-ready message in other words. */
  static final class NotReadyMessageReworded extends Fault {
    NotReadyMessageReworded() {
      super("the download page's exact not-ready message", "DownloadContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      return isDownload(e) && r.getStatus() == 404 && text(r).contains("not yet ready")
          ? withBody(r, 404, "{\"message\":\"Export is still processing.\"}")
          : r;
    }
  }

  /** The file as text/csv instead of application/force-download. */
  static final class DownloadServedAsCsv extends Fault {
    DownloadServedAsCsv() {
      super("the download's Content-Type application/force-download", "DownloadContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      if (!isDownload(e) || r.getStatus() != 200) return r;
      return Response.Builder.like(r)
          .but()
          .headers(withoutLength(r.getHeaders(), new HttpHeader("Content-Type", "text/csv")))
          .build();
    }
  }

  /** Validation errors without {@code errors}: the caller cannot tell which field is wrong. */
  static final class ValidationLosesErrors extends Fault {
    ValidationLosesErrors() {
      super("400 validation names each field in errors (core-errors)", "SiteIdContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      return r.getStatus() == 400 && text(r).contains("The given data was invalid.")
          ? withBody(r, 400, "{\"message\":\"The given data was invalid.\"}")
          : r;
    }
  }

  /** The accounting ZIP with one report missing. */
  static final class AccountingZipLosesAReport extends Fault {
    AccountingZipLosesAReport() {
      super("the accounting ZIP holds the 11 documented reports", "AccountingContractTest");
    }

    public Response transform(Response r, ServeEvent e) {
      byte[] body = r.getBody();
      if (!isDownload(e)
          || r.getStatus() != 200
          || body.length < 2
          || body[0] != 'P'
          || body[1] != 'K') return r;
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
        List<ZipEntry> entries = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
          entries.add(new ZipEntry(z.getName()));
          contents.add(in.readAllBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
          for (int i = 0; i < entries.size() - 1; i++) {
            zip.putNextEntry(entries.get(i));
            zip.write(contents.get(i));
            zip.closeEntry();
          }
        }
        return withBody(r, 200, out.toByteArray());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }
}
