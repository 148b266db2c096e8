package pelcro.exports.sandbox.tryit;

import java.util.Locale;
import java.util.stream.Collectors;
import pelcro.exports.sandbox.domain.ApiError;

/**
 * The guidance at the top of the docs page, written for this instance from its {@link DocsGuide}:
 * which keys work, the request → poll → download walk-through with the real endpoints, and the
 * "finish my export now" test helper.
 *
 * <p>The page's script ({@code sandbox-docs.js}) fills in what only the browser knows (the origin,
 * the key the visitor chose, the uuid of the last export) in the elements marked {@code
 * data-origin}, {@code data-key}, {@code data-uuid} and {@code #finish-uuid}.
 *
 * @param exampleBody the spec's first request example, as compact JSON
 * @param liveBaseUrl the base URL of Pelcro's own API (the spec's production server)
 */
record GuideHtml(
    DocsGuide guide,
    String apiBasePath,
    String helpersPath,
    String exampleBody,
    String liveBaseUrl) {

  String render() {
    return """
        <section id="sandbox-guide" class="sandbox-guide">
          <h1>Exports API sandbox</h1>
          <p class="guide-lead">This sandbox answers like the exports of Pelcro's Core API, on
            synthetic data: the same endpoints and answers, no Enterprise account needed.
            Base URL: <code id="base-url"><span data-origin></span>%s</code>
            (Pelcro's own: <code>%s</code>).</p>
          <div class="guide-cards">
            %s
            %s
            %s
          </div>
          %s
          <p id="guide-limits" class="guide-small">%s</p>
        </section>
        """
        .formatted(
            h(apiBasePath), h(liveBaseUrl), keys(), walkThrough(), finish(), curl(), limits());
  }

  private String keys() {
    StringBuilder card =
        new StringBuilder("<div class=\"guide-card\" id=\"guide-keys\" data-mode=\"")
            .append(
                guide.tryIt()
                    ? "try-it"
                    : guide.sharedKeys().isEmpty() ? "own-accounts" : "built-in")
            .append("\">\n<h2>1. Choose a key</h2>\n");
    if (guide.tryIt()) {
      card.append(
          """
          <p>Make up any key: <code>%s</code> followed by 1 to 64 letters, digits,
            <code>_</code> or <code>-</code>, for example <code>%s</code>. Its first call opens a
            fresh Enterprise test account of your own, with sites %s, that nobody else sees; it
            is deleted after %d minutes without use.</p>
          <p><button type="button" class="guide-button" id="make-key">Make me a key</button></p>
          """
              .formatted(
                  TryItTenants.PREFIX,
                  DocsGuide.EXAMPLE_TRY_IT_KEY,
                  sites(TryItTenants.SITE_IDS),
                  guide.tryItIdleMinutes()));
      if (!guide.sharedKeys().isEmpty()) {
        card.append("<p class=\"guide-small\">The built-in test keys (")
            .append(
                guide.sharedKeys().stream()
                    .map(k -> "<code>" + h(k.key()) + "</code>")
                    .collect(Collectors.joining(", ")))
            .append(") work here too, but every visitor shares their accounts.</p>\n");
      }
    } else if (!guide.sharedKeys().isEmpty()) {
      card.append(
          "<p>The built-in test keys work here (<i>Use</i> authorizes the page with it):</p>\n"
              + "<table class=\"guide-keys\"><thead><tr><th>Key</th><th>Sites</th><th></th></tr>"
              + "</thead><tbody>\n");
      for (DocsGuide.SharedKey key : guide.sharedKeys()) {
        card.append("<tr><td><code>")
            .append(h(key.key()))
            .append("</code><br><span class=\"guide-small\">")
            .append(
                key.enterprise()
                    ? "Enterprise account"
                    : "not Enterprise: its export calls are refused")
            .append("</span></td><td>")
            .append(sites(key.sites()))
            .append("</td><td><button type=\"button\" class=\"guide-button\" data-use-key=\"")
            .append(h(key.key()))
            .append("\">Use</button></td></tr>\n");
      }
      card.append("</tbody></table>\n");
    } else {
      card.append(
          "<p>This instance has accounts of its own: use the API key and a site you "
              + "were given for it. Click <i>Authorize</i> below and enter the key.</p>\n");
    }
    if (!guide.tryIt()) {
      card.append(
          "<p class=\"guide-small\">Keys of the form <code>"
              + TryItTenants.PREFIX
              + "…</code> answer 401 here: this instance runs without Try-it accounts.</p>\n");
    }
    return card.append(
            "<p>Your key: <code id=\"chosen-key\">none yet</code> (or click "
                + "<i>Authorize</i> below).</p>\n</div>")
        .toString();
  }

  private String walkThrough() {
    String site = site();
    return """
        <div class="guide-card" id="guide-walkthrough">
        <h2>2. Request, poll, download</h2>
        <ol>
          <li><b>Request</b> an export: <code>POST /exports?site_id=%1$s</code> with a JSON body
            such as <code>%2$s</code>. Below: open <a href="#/Exports/requestExport">POST
            /exports</a>, press <i>Try it out</i>, then <i>Execute</i>. The answer (200) holds
            the export's <code>uuid</code>.</li>
          <li><b>Poll</b> <code>GET /exports/{uuid}?site_id=%1$s</code>: it answers 404
            "%3$s" while the export runs (%4$s).</li>
          <li><b>Download</b> with the same call once the export has finished: 200 with the
            file, a CSV (a ZIP for accounting); <a href="#/Exports/downloadExport">GET
            /exports/{uuid}</a> below offers <i>Download file</i>. Only once: the next call
            answers 400 "%5$s"</li>
        </ol>
        </div>"""
        .formatted(
            site,
            h(exampleBody),
            h(ApiError.NOT_READY.message()),
            guide.jobSeconds() == 0
                ? "on this instance, exports finish at once"
                : "for " + duration() + " on this instance",
            h(ApiError.ALREADY_DOWNLOADED.message()));
  }

  private String finish() {
    if (!guide.testHelpers()) {
      return """
          <div class="guide-card" id="guide-finish" data-helpers="closed">
          <h2>3. Wait for it</h2>
          <p>The test helpers are closed on this instance, so an export cannot be finished
            early: it finishes by itself %s.</p>
          </div>"""
          .formatted(guide.jobSeconds() == 0 ? "at once" : "after " + duration());
    }
    return """
        <div class="guide-card" id="guide-finish" data-helpers="open">
        <h2>3. Skip the wait</h2>
        <p>Sandbox only: <code>POST %1$s/exports/{uuid}/complete</code> with your key finishes
          your export now. The uuid of the last export you requested on this page is filled in.</p>
        <p class="guide-finish-row"><input id="finish-uuid" type="text" spellcheck="false"
            placeholder="uuid of your export" aria-label="uuid of your export">
          <button type="button" class="guide-button" id="finish-now">Finish my export now</button></p>
        <p id="finish-result" role="status"></p>
        <p class="guide-small">More test helpers, with your key, for your account only:
          <code>GET %1$s/clock</code>, <code>POST %1$s/clock/advance</code> with
          <code>{"seconds": 60}</code>, <code>POST %1$s/exports/{uuid}/fail</code> with
          <code>{"reason": "…"}</code>, <code>POST %1$s/reset</code> and
          <code>%1$s/faults</code>. They are the sandbox's, not part of Pelcro's API.</p>
        </div>"""
        .formatted(h(helpersPath));
  }

  private String curl() {
    String auth = "-H \"Authorization: Bearer $KEY\"";
    String finish =
        guide.testHelpers()
            ? "curl -s -X POST \"$ROOT"
                + helpersPath
                + "/exports/$UUID/complete\" "
                + auth
                + "   # finish it now\n"
            : "";
    return """
        <details id="guide-curl"><summary>The same calls with curl</summary>
        <pre>ROOT=<span data-origin></span>
        BASE=$ROOT%s
        KEY=<span data-key>%s</span>
        SITE=%s
        curl -s -X POST "$BASE/exports?site_id=$SITE" %s \\
          -H "Content-Type: application/json" -d '%s'
        UUID=<span data-uuid>the uuid of the answer</span>
        curl -s "$BASE/exports/$UUID?site_id=$SITE" %s   # 404 while it runs
        %scurl -s -OJ "$BASE/exports/$UUID?site_id=$SITE" %s   # 200: saves the file, once</pre>
        </details>"""
        .formatted(
            h(apiBasePath),
            h(guide.exampleKey().orElse("your-key")),
            guide.exampleSite().map(String::valueOf).orElse("your-site-id"),
            h(auth),
            h(exampleBody),
            h(auth),
            h(finish),
            h(auth));
  }

  private String limits() {
    String rate =
        guide.rateLimit() == 0
            ? "No rate limit on this instance."
            : "Rate limit: "
                + guide.rateLimit()
                + " requests a minute per account (headers "
                + "<code>X-RateLimit-Limit</code>, <code>X-RateLimit-Remaining</code>); beyond it, "
                + "429 with <code>Retry-After</code>.";
    return guide.controlApi()
        ? rate
            + " The control API under <code>/__admin/sandbox</code> is"
            + " open on this instance, for whoever runs it: it moves the clock and resets accounts."
        : rate;
  }

  private String site() {
    return guide.exampleSite().map(String::valueOf).orElse("<i>your-site</i>");
  }

  /** How long an export runs here, e.g. "about 3 seconds". */
  private String duration() {
    double s = guide.jobSeconds();
    String n = s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    return "about " + n + (s == 1 ? " second" : " seconds");
  }

  private static String sites(java.util.List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** HTML-escapes text for an element or a quoted attribute. */
  static String h(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
