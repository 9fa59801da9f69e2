package dev.tracecurator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report/index.html}: one page with the run's headline numbers, the charts (PNG files beside
 * it), the tables behind them, and one SFT example rendered readably. No network: styles inline,
 * images relative, one inline script that records whether every image loaded.
 */
public final class ReportPage {
  private static final int MESSAGE_CHARS = 1_500;
  private static final int EXAMPLE_MESSAGES = 14;

  private ReportPage() {}

  public static String render(JsonNode summary, List<ChartSpec> charts, JsonNode sftExample) {
    StringBuilder h = new StringBuilder(64 * 1024);
    JsonNode counts = summary.path("counts");
    JsonNode sft = summary.path("sft");
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>trace-curator report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>trace-curator report</h1>\n<p class=\"lead\">Agentic software-engineering trajectories: analysis and curated SFT subset.</p>\n");

    h.append("<section class=\"headline\">\n");
    headline(h, "records read", fmt(counts.path("read").asLong()));
    headline(h, "analysed", fmt(counts.path("analysed").asLong()));
    headline(h, "rejected", fmt(counts.path("rejected").asLong()));
    headline(h, "kept for SFT", fmt(sft.path("kept").asLong()));
    headline(h, "median tokens / trajectory", fmt((long) summary.path("token_percentiles").path("p50").asDouble()));
    headline(h, "fit in 32k tokens", pct(summary.path("context_window_fit").path("32768").asDouble()));
    h.append("</section>\n");

    h.append("<h2>Charts</h2>\n<div class=\"charts\">\n");
    Map<ChartSpec, String> empty = Charts.whyEmpty(summary);
    for (ChartSpec chart : charts) {
      String why = empty.get(chart);
      h.append(why == null ? "<figure>" : "<figure class=\"empty\">").append("<img src=\"").append(Html.escape(chart.file()))
          .append("\" alt=\"").append(Html.escape(chart.title() + (why == null ? "" : ": nothing to draw: " + why)))
          .append("\" width=\"").append(ReportImages.WIDTH).append("\" height=\"").append(ReportImages.HEIGHT).append("\">")
          .append("<figcaption>");
      if (why != null) {
        h.append("<strong>Nothing to draw: ").append(Html.escape(why)).append(".</strong> ");
      }
      h.append(Html.escape(chart.caption())).append("</figcaption></figure>\n");
    }
    h.append("</div>\n");

    h.append("<h2>Languages</h2>\n<table><thead><tr><th>language</th><th class=\"n\">trajectories</th>")
        .append("<th class=\"n\">labelled (n)</th><th class=\"n\">resolution rate</th></tr></thead><tbody>\n");
    JsonNode byLanguage = summary.path("resolution_by_language");
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("language_counts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode rate = byLanguage.path(e.getKey());
      h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"n\">").append(fmt(e.getValue().asLong()))
          .append("</td><td class=\"n\">").append(rate.isMissingNode() ? "&lt; min group" : fmt(rate.path("n").asLong()))
          .append("</td><td class=\"n\">").append(rate.isMissingNode() ? "" : String.format(Locale.ROOT, "%.3f", rate.path("rate").asDouble()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Scaffold × model</h2>\n<table><thead><tr><th>agent / model</th><th class=\"n\">trajectories</th>")
        .append("<th class=\"n\">labelled (n)</th><th class=\"n\">resolution rate</th></tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("rows_by_agent_model").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode rate = summary.path("resolution_by_agent_model").path(e.getKey());
      h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"n\">").append(fmt(e.getValue().asLong()))
          .append("</td><td class=\"n\">").append(fmt(summary.path("resolution_by_agent_model_n").path(e.getKey()).asLong()))
          .append("</td><td class=\"n\">").append(rate.isMissingNode() ? "" : String.format(Locale.ROOT, "%.3f", rate.asDouble()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Token budget</h2>\n<div class=\"pair\"><table><thead><tr><th>percentile</th><th class=\"n\">tokens</th></tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("token_percentiles").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      h.append("<tr><td>").append(e.getKey()).append("</td><td class=\"n\">").append(fmt((long) e.getValue().asDouble())).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n<table><thead><tr><th>context window</th><th class=\"n\">trajectories that fit</th></tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("context_window_fit").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      h.append("<tr><td>").append(fmt(Long.parseLong(e.getKey()))).append(" tokens</td><td class=\"n\">").append(pct(e.getValue().asDouble()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");

    h.append("<h2>Top tools</h2>\n<table><thead><tr><th>tool</th><th class=\"n\">calls</th></tr></thead><tbody>\n");
    for (JsonNode tool : summary.path("top_tools")) {
      h.append("<tr><td>").append(Html.escape(tool.get(0).asText())).append("</td><td class=\"n\">").append(fmt(tool.get(1).asLong()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    JsonNode turns = summary.path("mean_tool_turns_by_outcome");
    h.append("<p>Mean tool (environment) turns: resolved ").append(String.format(Locale.ROOT, "%.2f", turns.path("resolved").asDouble()))
        .append(", unresolved ").append(String.format(Locale.ROOT, "%.2f", turns.path("unresolved").asDouble())).append(".</p>\n");

    h.append("<h2>SFT subset</h2>\n<table><thead><tr><th>outcome</th><th class=\"n\">trajectories</th></tr></thead><tbody>\n")
        .append("<tr><td><strong>kept</strong></td><td class=\"n\"><strong>").append(fmt(sft.path("kept").asLong())).append("</strong></td></tr>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = sft.path("filtered").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      h.append("<tr><td>filtered: ").append(Html.escape(e.getKey().replace('_', ' '))).append("</td><td class=\"n\">")
          .append(fmt(e.getValue().asLong())).append("</td></tr>\n");
    }
    h.append("<tr><td>rejected (unreadable input, see rejected/)</td><td class=\"n\">").append(fmt(counts.path("rejected").asLong()))
        .append("</td></tr>\n</tbody></table>\n");

    if (sftExample != null) {
      example(h, sftExample);
    }
    h.append(SCRIPT).append("</body>\n</html>\n");
    return h.toString();
  }

  private static void example(StringBuilder h, JsonNode example) {
    h.append("<h2>One SFT example</h2>\n<p class=\"meta\">").append(Html.escape(example.path("instance_id").asText()))
        .append(" · ").append(Html.escape(example.path("agent").asText())).append(" / ").append(Html.escape(example.path("model").asText()))
        .append(" · ").append(Html.escape(example.path("language").asText())).append(" · ")
        .append(fmt(example.path("approx_tokens").asLong())).append(" tokens · ")
        .append(example.path("messages").size()).append(" messages</p>\n<div class=\"chat\">\n");
    int shown = 0;
    for (JsonNode message : example.path("messages")) {
      if (shown++ == EXAMPLE_MESSAGES) {
        h.append("<p class=\"meta\">… ").append(example.path("messages").size() - EXAMPLE_MESSAGES).append(" more messages</p>\n");
        break;
      }
      String role = message.path("role").asText();
      h.append("<div class=\"msg ").append(Html.escape(role)).append("\"><div class=\"role\">").append(Html.escape(role));
      if (message.has("name")) {
        h.append(" · ").append(Html.escape(message.get("name").asText()));
      }
      h.append("</div>\n");
      if (message.hasNonNull("reasoning_content")) {
        h.append("<details><summary>reasoning</summary><pre>").append(Html.escape(cut(message.get("reasoning_content").asText())))
            .append("</pre></details>\n");
      }
      if (!message.path("content").asText().isEmpty()) {
        h.append("<pre>").append(Html.escape(cut(message.path("content").asText()))).append("</pre>\n");
      }
      for (JsonNode call : message.path("tool_calls")) {
        h.append("<pre class=\"call\">").append(Html.escape(call.path("function").path("name").asText())).append(' ')
            .append(Html.escape(cut(call.path("function").path("arguments").asText()))).append("</pre>\n");
      }
      h.append("</div>\n");
    }
    h.append("</div>\n");
  }

  private static String cut(String text) {
    return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS) + "\n… (" + fmt(text.length() - MESSAGE_CHARS) + " more characters)";
  }

  private static void headline(StringBuilder h, String label, String value) {
    h.append("<div><span class=\"value\">").append(value).append("</span><span class=\"label\">").append(Html.escape(label))
        .append("</span></div>\n");
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1060px; color: #222; padding: 0 1rem; }
      h1 { margin-bottom: 0; } .lead { color: #555; margin-top: .2rem; }
      h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
      .headline { display: grid; grid-template-columns: repeat(3, 1fr); gap: .8rem; margin: 1.4rem 0; }
      .headline div { background: #f4f6fa; border-radius: 8px; padding: .8rem 1rem; }
      .headline .value { display: block; font-size: 1.6rem; font-weight: 700; color: #4C72B0; }
      .headline .label { color: #555; }
      figure { margin: 1.2rem 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { color: #555; font-size: .9rem; }
      table { border-collapse: collapse; margin: .6rem 0; min-width: 320px; }
      th, td { border-bottom: 1px solid #e4e4e4; padding: .25rem .8rem; text-align: left; }
      th { background: #f4f6fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
      .pair { display: flex; gap: 2rem; flex-wrap: wrap; }
      .meta { color: #555; }
      .chat .msg { border-left: 4px solid #ccc; margin: .6rem 0; padding: .2rem .8rem; background: #fafafa; }
      .chat .msg.system { border-color: #999; } .chat .msg.user { border-color: #4C72B0; }
      .chat .msg.assistant { border-color: #55A868; } .chat .msg.tool { border-color: #DD8452; }
      .role { font-weight: 700; font-size: .85rem; text-transform: uppercase; color: #444; }
      pre { white-space: pre-wrap; word-break: break-word; font-size: .82rem; margin: .3rem 0; }
      pre.call { background: #eef5ee; padding: .3rem .5rem; }
      """;

  /** Records on the body whether every image loaded: "loaded/total", for a browser test to read. */
  private static final String SCRIPT = """
      <script>
      window.addEventListener('load', function () {
        var images = Array.prototype.slice.call(document.images);
        var ok = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
        document.body.setAttribute('data-images', ok + '/' + images.length);
      });
      </script>
      """;
}
