package dev.tracecurator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.stats.SummaryAccumulator;
import dev.tracecurator.stats.SummaryJson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class ChartsTest {
  static JsonNode summary() {
    return summary(25);
  }

  static JsonNode summary(int minGroupSize) {
    SummaryAccumulator acc = new SummaryAccumulator();
    String[] languages = {"python", "go", "rust", "java"};
    for (int i = 0; i < 200; i++) {
      Map<String, Integer> tools = new LinkedHashMap<>();
      tools.put("execute_bash", 1 + i % 7);
      tools.put("str_replace_editor", i % 5);
      tools.put("finish", 1);
      int resolved = i % 9 == 0 ? -1 : (i * 7) % 3 == 0 ? 1 : 0;
      acc.add(new AnalysisRow("i" + i, "r", languages[i % 4], "MIT", resolved, i % 2 == 0 ? "openhands" : "sweagent",
          i % 3 == 0 ? "qwen35_122b" : "minimax_m25", 10 + i % 90, 1, 1, 5 + i % 40, 4 + i % 40, 1 + i % 3, i % 50, i % 20,
          i % 50 + i % 20, 2_000 + 317 * i, null, null, null, resolved == 1, resolved >= 0, "t" + i, 9, tools, Map.of("py", 1),
          resolved == 1 ? "kept" : "not_resolved", null, dev.tracecurator.testing.Rows.NO_SCORE, null, "f", i, null, i % 10 == 0 ? "nd-" + i : null,
          i % 10 == 0 ? Long.valueOf(2 + i % 7) : null, null, null));
    }
    return SummaryJson.build(acc, minGroupSize);
  }

  @Test
  void everyChartIsANonBlankPngOfTheExpectedSize() throws IOException {
    Map<ChartSpec, JFreeChart> charts = Charts.build(summary());
    assertEquals(Charts.ALL, List.copyOf(charts.keySet()));
    assertEquals(Map.of(), Charts.whyEmpty(summary()), "every chart has something to draw");
    for (Map.Entry<ChartSpec, JFreeChart> chart : charts.entrySet()) {
      byte[] png = ReportImages.png(chart.getValue());
      assertEquals(0x89, png[0] & 0xff, chart.getKey().file());
      assertEquals('P', png[1]);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertEquals(ReportImages.WIDTH, image.getWidth());
      assertEquals(ReportImages.HEIGHT, image.getHeight());
      assertTrue(variance(image) > 100, chart.getKey().file() + " looks blank: variance " + variance(image));
      assertTrue(colouredPixels(image) > 500, chart.getKey().file() + " has no bars or points drawn");
    }
  }

  @Test
  void pageListsEveryChartAndTable() throws IOException {
    JsonNode summary = summary();
    JsonNode example = Json.STRICT.readTree("{\"instance_id\":\"a__b-1\",\"agent\":\"openhands\",\"model\":\"m\",\"language\":\"go\","
        + "\"approx_tokens\":12,\"messages\":[{\"role\":\"user\",\"content\":\"<b>fix</b>\"},{\"role\":\"assistant\",\"content\":\"\","
        + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"execute_bash\",\"arguments\":\"{}\"}}]}]}");
    String page = ReportPage.render(summary, Charts.ALL, example);
    for (ChartSpec chart : Charts.ALL) {
      assertTrue(page.contains("src=\"" + chart.file() + "\""), chart.file());
    }
    for (String heading : List.of("Languages", "Scaffold × model", "Token budget", "Top tools", "SFT subset", "One SFT example")) {
      assertTrue(page.contains("<h2>" + heading + "</h2>"), heading);
    }
    assertTrue(page.contains("&lt;b&gt;fix&lt;/b&gt;"), "message text is escaped");
    assertTrue(!page.contains("http://") && !page.contains("https://"), "no network references");
  }

  @Test
  void aChartWithNothingToDrawSaysWhyInsteadOfEmptyAxes() throws IOException {
    // 200 rows over four languages: about 45 labelled rows each, none reaching 100.
    JsonNode summary = summary(100);
    Map<ChartSpec, String> empty = Charts.whyEmpty(summary);
    assertEquals(List.of(Charts.RESOLUTION_BY_LANGUAGE), List.copyOf(empty.keySet()));
    String why = empty.get(Charts.RESOLUTION_BY_LANGUAGE);
    assertTrue(why.matches("no language has at least 100 labelled rows \\(the most: [a-z]+, 4\\d\\); lower --minGroupSize"), why);

    JFreeChart chart = Charts.build(summary).get(Charts.RESOLUTION_BY_LANGUAGE);
    assertEquals(why, chart.getPlot().getNoDataMessage());
    assertTrue(!chart.getCategoryPlot().getDomainAxis().isVisible() && !chart.getCategoryPlot().getRangeAxis().isVisible(), "no empty axes");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(ReportImages.png(chart)));
    assertEquals(0, colouredPixels(image), "no bars");
    assertTrue(variance(image) > 10, "the title and the reason are drawn");

    String page = ReportPage.render(summary, Charts.ALL, null);
    assertTrue(page.contains("<figure class=\"empty\"><img src=\"resolution_by_language.png\" alt=\"Resolution rate by language: "
        + "nothing to draw: " + why + "\""), page);
    assertTrue(page.contains("<strong>Nothing to draw: " + why + ".</strong>"), page);
    assertEquals(1, page.split("class=\"empty\"", -1).length - 1, "only that chart is empty");
  }

  @Test
  void aRunWithNoRowsExplainsEveryChart() throws IOException {
    JsonNode summary = SummaryJson.build(new SummaryAccumulator(), 25);
    Map<ChartSpec, String> empty = Charts.whyEmpty(summary);
    assertEquals(Charts.ALL, List.copyOf(empty.keySet()));
    assertTrue(empty.values().stream().allMatch("no trajectory was analysed"::equals), empty.toString());
    for (Map.Entry<ChartSpec, JFreeChart> chart : Charts.build(summary).entrySet()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(ReportImages.png(chart.getValue())));
      assertEquals(0, colouredPixels(image), chart.getKey().file());
      assertEquals("no trajectory was analysed", chart.getValue().getPlot().getNoDataMessage(), chart.getKey().file());
    }
  }

  /** Variance of luminance over the image: a blank or single-colour image has none. */
  static double variance(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        sum += l;
        squares += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return squares / n - mean * mean;
  }

  /** Pixels clearly coloured (not grey): the bars and points, not axes and text. */
  static int colouredPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
          count++;
        }
      }
    }
    return count;
  }
}
