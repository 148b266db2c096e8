package pelcro.exports.attack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback source addresses: normal clients speak from 127.0.0.1, attackers from 127.0.0.2 on
 * (Linux routes all of 127/8 to the loopback interface), so that limits per client address can be
 * seen to work. Attacker {@code i} is {@code 127.0.x.y} with {@code y} in 2..251.
 */
public final class Addresses {
  private Addresses() {}

  /** The source address of normal clients. */
  public static InetAddress normal() {
    return of(0, 1);
  }

  /**
   * The {@code i}-th attacker address (0-based): 127.0.0.2, 127.0.0.3, … 127.0.0.251, 127.0.1.2, …
   */
  public static InetAddress attacker(int i) {
    return of(i / 250, 2 + i % 250);
  }

  /** The first {@code n} attacker addresses. */
  public static List<InetAddress> attackers(int n) {
    List<InetAddress> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(attacker(i));
    }
    return out;
  }

  /** The range of the first {@code n} attacker addresses, for the printout. */
  public static String describe(int n) {
    return n == 1
        ? attacker(0).getHostAddress()
        : attacker(0).getHostAddress() + " … " + attacker(n - 1).getHostAddress() + " (" + n + ")";
  }

  private static InetAddress of(int third, int fourth) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, (byte) third, (byte) fourth});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
