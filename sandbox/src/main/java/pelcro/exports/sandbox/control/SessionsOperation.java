package pelcro.exports.sandbox.control;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.store.Sessions;

/**
 * {@code POST /__admin/sandbox/sessions} and {@code DELETE .../sessions/{id}}: an isolated
 * Enterprise account with fresh keys, the default sites and its own clock, plus a non-Enterprise
 * companion key, for one CI job or test class on a shared sandbox.
 *
 * <p>The creation answer is the one place a key is given out in full: it is the session's own
 * credential, issued to whoever holds the admin API.
 *
 * @param sessions the sessions and their accounts
 * @param clock when a session starts
 * @param end ends a session and what its accounts owned (exports, clock, findings)
 */
public record SessionsOperation(
    Sessions sessions, InstantSource clock, Function<String, Optional<Sessions.Session>> end) {
  public Map<String, Object> create() {
    Sessions.Session session = sessions.create(clock.instant());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("session_id", session.id());
    view.put("account_id", session.enterprise().id());
    view.put("enterprise_key", session.enterprise().key());
    view.put("site_ids", session.enterprise().sites());
    view.put("basic_account_id", session.basic().id());
    view.put("basic_key", session.basic().key());
    view.put("basic_site_id", session.basic().sites().get(0));
    return view;
  }

  public Map<String, Object> end(String id) {
    end.apply(id).orElseThrow(() -> new ApiException(ApiError.CONTROL_SESSION_NOT_FOUND, id));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("session_id", id);
    view.put("ended", true);
    return view;
  }
}
