package dev.tracecurator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders a chart to PNG bytes, off screen. */
public final class ReportImages {
  public static final int WIDTH = 990;
  public static final int HEIGHT = 506;

  private ReportImages() {}

  public static byte[] png(JFreeChart chart) {
    System.setProperty("java.awt.headless", "true");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + chart.getTitle().getText(), e);
    }
    return out.toByteArray();
  }
}
