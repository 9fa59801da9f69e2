package dev.tracecurator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The tutorial's seven plots and its scatter plot, then near-duplicate clusters by size, built from
 * {@code stats/summary.json} with JFreeChart, in the tutorial's colours.
 */
public final class Charts {
  static final Color BLUE = new Color(0x4C72B0);
  static final Color ORANGE = new Color(0xDD8452);
  static final Color GREEN = new Color(0x55A868);
  static final Color RED = new Color(0xC44E52);
  private static final Color[] SERIES = {BLUE, ORANGE, GREEN, RED};

  public static final ChartSpec LANGUAGES = new ChartSpec("trajectories_per_language.png", "Trajectories per language",
      "Rows per language, after lower-casing; rows without one are 'unknown'.");
  public static final ChartSpec RESOLUTION_BY_LANGUAGE = new ChartSpec("resolution_by_language.png", "Resolution rate by language",
      "Fraction of rows with resolved = 1 among rows labelled 0 or 1, for languages with at least the minimum group size.");
  public static final ChartSpec RESOLUTION_BY_AGENT_MODEL = new ChartSpec("resolution_by_scaffold_model.png",
      "Resolution rate: scaffold x model", "Fraction resolved among labelled rows, per scaffold (agent) and model.");
  public static final ChartSpec MESSAGES = new ChartSpec("messages_per_trajectory.png", "Messages per trajectory",
      "Histogram of the number of messages, 40 bins.");
  public static final ChartSpec PATCH_SIZE = new ChartSpec("patch_size.png", "Patch size — lines changed (clipped at p97)",
      "Added + deleted lines of the agent's patch, counted hunk by hunk; values above the 97th percentile are counted in the last bin.");
  public static final ChartSpec SCATTER = new ChartSpec("length_vs_tokens_by_outcome.png", "Trajectory length vs. token size, by outcome",
      "Messages against cl100k_base tokens for a deterministic sample of labelled rows (at most 2,000).");
  public static final ChartSpec TOKENS = new ChartSpec("token_lengths.png", "Trajectory token-length distribution (clipped at p99)",
      "cl100k_base tokens of the joined message text, 50 bins; dashed lines mark 8k, 32k and 128k context windows.");
  public static final ChartSpec TOOLS = new ChartSpec("top_tools.png", "Top agent actions / tool invocations",
      "The 12 most used tools, each call counted once.");
  public static final ChartSpec NEAR_DUP_CLUSTERS = new ChartSpec("near_duplicate_clusters.png", "Near-duplicate clusters by size",
      "Clusters of runs at least --nearDedup alike (MinHash over task, assistant turns and patch); one run of each is kept.");

  public static final List<ChartSpec> ALL = List.of(LANGUAGES, RESOLUTION_BY_LANGUAGE, RESOLUTION_BY_AGENT_MODEL, MESSAGES,
      PATCH_SIZE, SCATTER, TOKENS, TOOLS, NEAR_DUP_CLUSTERS);

  private Charts() {}

  /** Every chart the summary has data for, by spec. */
  public static Map<ChartSpec, JFreeChart> build(JsonNode summary) {
    Map<ChartSpec, JFreeChart> charts = new LinkedHashMap<>();
    charts.put(LANGUAGES, bars(LANGUAGES, "language", "trajectories", counts(summary.path("language_counts")), BLUE, false, null));
    charts.put(RESOLUTION_BY_LANGUAGE, bars(RESOLUTION_BY_LANGUAGE, "language", "fraction resolved",
        rates(summary.path("resolution_by_language")), GREEN, false, 1.0));
    charts.put(RESOLUTION_BY_AGENT_MODEL, agentModel(summary.path("resolution_by_agent_model")));
    JsonNode histograms = summary.path("histograms");
    charts.put(MESSAGES, histogram(MESSAGES, "number of messages", histograms.path("n_messages"), BLUE, List.of()));
    charts.put(PATCH_SIZE, histogram(PATCH_SIZE, "added + deleted lines", histograms.path("patch_churn_clipped_p97"), ORANGE, List.of()));
    charts.put(SCATTER, scatter(summary.path("scatter_sample").path("points")));
    double p99 = summary.path("token_percentiles").path("p99").asDouble(0);
    List<Long> windows = new ArrayList<>();
    for (long w : new long[] {8_192, 32_768, 131_072}) {
      if (w <= p99) {
        windows.add(w);
      }
    }
    charts.put(TOKENS, histogram(TOKENS, "tokens (cl100k_base)", histograms.path("traj_tokens_clipped_p99"), BLUE, windows));
    Map<String, Double> tools = new LinkedHashMap<>();
    for (JsonNode tool : summary.path("top_tools")) {
      tools.put(tool.get(0).asText(), tool.get(1).asDouble());
    }
    charts.put(TOOLS, bars(TOOLS, "tool", "calls", tools, BLUE, true, null));
    charts.put(NEAR_DUP_CLUSTERS, bars(NEAR_DUP_CLUSTERS, "runs in the cluster", "clusters",
        nonZero(counts(summary.path("sft").path("near_duplicate_clusters").path("by_size"))), ORANGE, false, null));
    whyEmpty(summary).forEach((spec, reason) -> explainEmpty(charts.get(spec), reason));
    return charts;
  }

  /**
   * Each chart that has nothing to draw, with why, in words a user can act on (instead of empty
   * axes): e.g. no language reaching {@code --minGroupSize} labelled rows.
   */
  public static Map<ChartSpec, String> whyEmpty(JsonNode summary) {
    Map<ChartSpec, String> reasons = new LinkedHashMap<>();
    long analysed = summary.path("total_records").asLong();
    String noRows = "no trajectory was analysed";
    String noLabels = analysed == 0 ? noRows : "no row has a resolved label (0 or 1); label a set that is successful by "
        + "construction with --input=GLOB#resolved=1";
    if (summary.path("language_counts").isEmpty()) {
      reasons.put(LANGUAGES, noRows);
    }
    if (summary.path("resolution_by_language").isEmpty()) {
      JsonNode largest = summary.path("largest_labelled_language");
      reasons.put(RESOLUTION_BY_LANGUAGE, largest.isMissingNode() ? noLabels : String.format(Locale.ROOT,
          "no language has at least %d labelled rows (the most: %s, %d); lower --minGroupSize",
          summary.path("min_group_size").asLong(), largest.path("language").asText(), largest.path("n").asLong()));
    }
    if (summary.path("resolution_by_agent_model").isEmpty()) {
      reasons.put(RESOLUTION_BY_AGENT_MODEL, noLabels);
    }
    JsonNode histograms = summary.path("histograms");
    if (nothingCounted(histograms.path("n_messages"))) {
      reasons.put(MESSAGES, noRows);
    }
    if (nothingCounted(histograms.path("patch_churn_clipped_p97"))) {
      reasons.put(PATCH_SIZE, analysed == 0 ? noRows : "no trajectory has a patch");
    }
    if (summary.path("scatter_sample").path("points").isEmpty()) {
      reasons.put(SCATTER, noLabels);
    }
    if (nothingCounted(histograms.path("traj_tokens_clipped_p99"))) {
      reasons.put(TOKENS, noRows);
    }
    if (summary.path("top_tools").isEmpty()) {
      reasons.put(TOOLS, analysed == 0 ? noRows : "no tool call was found in any trajectory");
    }
    if (summary.path("sft").path("near_duplicate_clusters").path("clusters").asLong() == 0) {
      reasons.put(NEAR_DUP_CLUSTERS, analysed == 0 ? noRows : "no near-duplicate cluster: detection is off (turn it on with "
          + "--nearDedup=0.8) or no two kept trajectories are that alike");
    }
    return reasons;
  }

  /** The sizes that occur; a bucket with no cluster is left out rather than drawn as nothing. */
  private static Map<String, Double> nonZero(Map<String, Double> counts) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> {
      if (v > 0) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static boolean nothingCounted(JsonNode histogram) {
    for (JsonNode count : histogram.path("counts")) {
      if (count.asDouble() > 0) {
        return false;
      }
    }
    return true;
  }

  /** The reason in the middle of the chart, and no axes, grid or legend around nothing. */
  private static void explainEmpty(JFreeChart chart, String reason) {
    org.jfree.chart.plot.Plot plot = chart.getPlot();
    plot.setNoDataMessage(reason);
    plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    plot.setNoDataMessagePaint(new Color(0x55, 0x55, 0x55));
    if (plot instanceof CategoryPlot category) {
      category.getDomainAxis().setVisible(false);
      category.getRangeAxis().setVisible(false);
      category.setRangeGridlinesVisible(false);
    } else if (plot instanceof XYPlot xy) {
      xy.clearDomainMarkers();
      xy.getDomainAxis().setVisible(false);
      xy.getRangeAxis().setVisible(false);
      xy.setDomainGridlinesVisible(false);
      xy.setRangeGridlinesVisible(false);
    }
    if (chart.getLegend() != null) {
      chart.removeLegend();
    }
  }

  private static Map<String, Double> counts(JsonNode node) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  private static Map<String, Double> rates(JsonNode node) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey() + " (n=" + e.getValue().path("n").asLong() + ")", e.getValue().path("rate").asDouble());
    }
    return out;
  }

  private static JFreeChart bars(ChartSpec spec, String categoryLabel, String valueLabel, Map<String, Double> values,
      Color color, boolean horizontal, Double upperBound) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    values.forEach((category, value) -> data.addValue(value, valueLabel, category));
    JFreeChart chart = ChartFactory.createBarChart(spec.title(), categoryLabel, valueLabel, data,
        horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, false, true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, color);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    if (upperBound != null) {
      plot.getRangeAxis().setRange(0, upperBound);
    }
    return style(chart);
  }

  private static JFreeChart agentModel(JsonNode rates) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Iterator<Map.Entry<String, JsonNode>> it = rates.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String[] agentModel = e.getKey().split("/", 2);
      data.addValue(e.getValue().asDouble(), agentModel.length > 1 ? agentModel[1] : "", agentModel[0]);
    }
    JFreeChart chart = ChartFactory.createBarChart(RESOLUTION_BY_AGENT_MODEL.title(), "agent (scaffold)", "fraction resolved",
        data, PlotOrientation.VERTICAL, true, true, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
    }
    plot.getRangeAxis().setRange(0, 1);
    return style(chart);
  }

  private static JFreeChart histogram(ChartSpec spec, String xLabel, JsonNode histogram, Color color, List<Long> markers) {
    XYIntervalSeries series = new XYIntervalSeries("trajectories");
    JsonNode edges = histogram.path("edges");
    JsonNode counts = histogram.path("counts");
    for (int i = 0; i < counts.size(); i++) {
      double lo = edges.get(i).asDouble();
      double hi = edges.get(i + 1).asDouble();
      double c = counts.get(i).asDouble();
      series.add((lo + hi) / 2, lo, hi, c, c, c);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series);
    JFreeChart chart = ChartFactory.createXYBarChart(spec.title(), xLabel, false, "trajectories", data,
        PlotOrientation.VERTICAL, !markers.isEmpty(), true, false);
    XYPlot plot = chart.getXYPlot();
    XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, color);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(true);
    renderer.setSeriesOutlinePaint(0, Color.WHITE);
    Color[] markerColors = {GREEN, ORANGE, RED};
    for (int i = 0; i < markers.size(); i++) {
      ValueMarker marker = new ValueMarker(markers.get(i), markerColors[i % 3],
          new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      marker.setLabel((markers.get(i) / 1024) + "k ctx");
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 6, 4, 6));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker);
    }
    if (chart.getLegend() != null) {
      chart.removeLegend();
    }
    return style(chart);
  }

  private static JFreeChart scatter(JsonNode points) {
    XYSeries resolved = new XYSeries("resolved", false);
    XYSeries unresolved = new XYSeries("unresolved", false);
    for (JsonNode p : points) {
      (p.get(2).asInt() == 1 ? resolved : unresolved).add(p.get(0).asDouble(), p.get(1).asDouble());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(resolved);
    data.addSeries(unresolved);
    JFreeChart chart = ChartFactory.createScatterPlot(SCATTER.title(), "messages", "tokens (cl100k_base)", data,
        PlotOrientation.VERTICAL, true, true, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, new Color(GREEN.getRed(), GREEN.getGreen(), GREEN.getBlue(), 150));
    renderer.setSeriesPaint(1, new Color(RED.getRed(), RED.getGreen(), RED.getBlue(), 150));
    java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5);
    renderer.setSeriesShape(0, dot);
    renderer.setSeriesShape(1, dot);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return style(chart);
  }

  private static JFreeChart style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.getPlot().setOutlineVisible(false);
    if (chart.getPlot() instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(new Color(0, 0, 0, 40));
      xy.setRangeGridlinePaint(new Color(0, 0, 0, 40));
    } else if (chart.getPlot() instanceof CategoryPlot category) {
      category.setRangeGridlinePaint(new Color(0, 0, 0, 40));
    }
    return chart;
  }
}
