package pelcro.exports.attack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import pelcro.exports.attack.Probe.Header;
import pelcro.exports.attack.Probe.Op;

/** A request being built by {@link RequestGenerator}: mutable until {@link #build}. */
final class Draft {
  final Op op;
  String method;
  String path;
  final List<String[]> query = new ArrayList<>();
  final List<Header> headers = new ArrayList<>();
  byte[] body = new byte[0];
  ObjectNode json;
  final List<String> notes = new ArrayList<>();

  Draft(Op op, String method, String path) {
    this.op = op;
    this.method = method;
    this.path = path;
  }

  Probe build(String mutation) {
    if (json != null) {
      body = Probe.utf8(json.toString());
    }
    StringBuilder target = new StringBuilder(path);
    for (int i = 0; i < query.size(); i++) {
      target.append(i == 0 ? '?' : '&').append(query.get(i)[0]);
      if (query.get(i)[1] != null) {
        target.append('=').append(query.get(i)[1]);
      }
    }
    return new Probe(op, method, target.toString(), headers, body, mutation);
  }

  void header(String name, String value) {
    headers.removeIf(h -> h.name().equalsIgnoreCase(name));
    headers.add(new Header(name, value));
  }

  void param(String name, String value) {
    query.removeIf(p -> p[0].equals(name));
    query.add(new String[] {name, value});
  }
}
