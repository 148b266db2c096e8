package pelcro.exports.sandbox.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * Which address a request comes from, for the limits counted per client (new Try-it tenants,
 * downloads at once): the peer's, or, when the peer is a proxy the operator trusts ({@code
 * --trusted-proxies}), the last address that proxy put in {@code X-Forwarded-For}. From anyone else
 * the header is ignored: a client cannot choose the address it is counted under.
 */
final class ClientAddresses {
  private static final String FORWARDED_FOR = "X-Forwarded-For";
  private final Set<InetAddress> trusted = new HashSet<>();

  /**
   * @param trustedProxies IP literals (validated by the options; never looked up in DNS)
   */
  ClientAddresses(List<String> trustedProxies) {
    for (String proxy : trustedProxies) {
      try {
        trusted.add(InetAddress.getByName(proxy));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "--trusted-proxies takes IP addresses (got " + proxy + ")", e);
      }
    }
  }

  /** The client's address: the peer's, or the one a trusted proxy names. */
  String of(Request request) {
    String peer = Request.getRemoteAddr(request);
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> forwarded = request.getHeaders().getValuesList(FORWARDED_FOR);
    String[] hops = String.join(",", forwarded).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      if (!hops[i].isBlank()) {
        return hops[i].trim();
      }
    }
    return peer;
  }

  private boolean isTrusted(String peer) {
    if (trusted.isEmpty() || peer == null) {
      return false;
    }
    try {
      // The peer's address is always a literal: no DNS lookup here.
      return trusted.contains(InetAddress.getByName(peer));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
