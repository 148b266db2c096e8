import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.wiremock.ExportsSandboxWireMockExtension;

/**
 * The "sandbox-extension" server of bin/benchmark-api: a plain WireMockServer, as an integrator
 * builds one, with the sandbox registered as a WireMock extension (run as a single source file
 * on the sandbox jar's class path). Its journal keeps the sandbox's default 100 entries, since
 * WireMock's default journal is unbounded and would grow for the whole run.
 * Usage: java -cp exports-sandbox.jar ExtensionServer.java PORT
 */
public class ExtensionServer {
  public static void main(String[] args) throws Exception {
    WireMockServer server = new WireMockServer(wireMockConfig()
        .port(Integer.parseInt(args[0]))
        .bindAddress("127.0.0.1")
        .maxRequestJournalEntries(100)
        .extensions(new ExportsSandboxWireMockExtension(
            Sandbox.builder().rateLimit(0).jobSeconds(100_000))));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    Thread.currentThread().join();
  }
}
