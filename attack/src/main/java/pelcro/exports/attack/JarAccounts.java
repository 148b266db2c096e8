package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The sandbox jar's own accounts ({@code sandbox/accounts.json} inside it, so no key is typed
 * here), and an accounts file of them plus two attack accounts without a practical rate limit.
 */
final class JarAccounts {
  private final Path jar;

  JarAccounts(Path jar) {
    this.jar = jar;
  }

  /**
   * The built-in accounts plus two Enterprise accounts with no practical rate limit, for the bulk.
   */
  List<RequestGenerator.Account> writeWithAttackers(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(builtInAccountsJson());
    ArrayNode list = (ArrayNode) root.path("accounts");
    for (int i = 1; i <= 2; i++) {
      list.addObject()
          .put("id", 900 + i)
          .put("key", "sk_test_attack_" + i)
          .put("enterprise", true)
          .put("user_id", 9000 + i)
          .put("user_email", "attacker" + i + "@attack.example")
          .put("api_core_rate_limit", 100_000_000)
          .putArray("sites")
          .add(9000 + 2 * i)
          .add(9001 + 2 * i);
    }
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return accounts(root);
  }

  List<RequestGenerator.Account> builtIn() throws IOException {
    return accounts(new ObjectMapper().readTree(builtInAccountsJson()));
  }

  private static List<RequestGenerator.Account> accounts(JsonNode root) {
    List<RequestGenerator.Account> out = new ArrayList<>();
    for (var a : root.path("accounts")) {
      List<Long> sites = new ArrayList<>();
      a.path("sites").forEach(s -> sites.add(s.asLong()));
      out.add(new RequestGenerator.Account(a.path("key").asText(), sites));
    }
    return out;
  }

  /** The jar's own accounts resource: the keys are not typed here. */
  private String builtInAccountsJson() throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var entry = zip.getEntry("sandbox/accounts.json");
      if (entry == null) {
        throw new IOException(jar + " has no sandbox/accounts.json");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
