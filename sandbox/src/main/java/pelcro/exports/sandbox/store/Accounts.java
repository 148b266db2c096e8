package pelcro.exports.sandbox.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.sandbox.domain.Account;

/**
 * The sandbox's accounts, keys and sites: the default resource {@code sandbox/accounts.json}, or
 * the file given with {@code --accounts}.
 */
public final class Accounts {
  /** Classpath location of the default accounts. */
  public static final String DEFAULT_RESOURCE = "sandbox/accounts.json";

  private final Map<String, Account> byKey;

  private Accounts(List<Account> accounts) {
    Map<String, Account> map = new LinkedHashMap<>();
    for (Account account : accounts) {
      if (map.put(account.key(), account) != null) {
        throw new IllegalArgumentException("Two accounts share the key " + account.key());
      }
    }
    this.byKey = map;
  }

  /** The default accounts. */
  public static Accounts defaults() {
    try (InputStream in = Accounts.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accounts from a JSON file of the same shape as the default resource. */
  public static Accounts load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read accounts from " + file, e);
    }
  }

  private static Accounts parse(InputStream in) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    File file = mapper.readValue(in, File.class);
    return new Accounts(
        file.accounts.stream()
            .map(
                a ->
                    new Account(
                        a.id,
                        a.key,
                        a.enterprise,
                        a.sites,
                        a.userId,
                        a.userEmail,
                        a.apiCoreRateLimit))
            .toList());
  }

  /** The account of a Bearer key. */
  public Optional<Account> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** All accounts, in file order. */
  public List<Account> all() {
    return List.copyOf(byKey.values());
  }

  /** The JSON shape of an accounts file. */
  static final class File {
    @JsonProperty(required = true)
    public List<Entry> accounts;
  }

  /** One account in the file. */
  static final class Entry {
    @JsonProperty(required = true)
    public long id;

    @JsonProperty(required = true)
    public String key;

    @JsonProperty(required = true)
    public boolean enterprise;

    @JsonProperty(required = true)
    public List<Long> sites;

    @JsonProperty("user_id")
    public long userId;

    @JsonProperty("user_email")
    public String userEmail;

    @JsonProperty("api_core_rate_limit")
    public Integer apiCoreRateLimit;
  }
}
