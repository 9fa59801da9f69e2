package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: the page a run writes, opened in a real headless Chromium
 * (Debian's, which .ci/run installs), loads with no console message, every image loads, and a
 * screenshot is not blank.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path tmp;

  @Test
  void reportLoadsInHeadlessChromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "chromium is missing");
      throw new AssertionError("CI must have Debian's chromium (.ci/run installs it)");
    }
    Path out = tmp.resolve("out");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main(CurateEndToEndTest.fixtureArgs(out));
    assertEquals(0, run.exitCode(), run.stderr());
    Path page = out.resolve("report/index.html");
    assertTrue(Files.isRegularFile(page));

    Path dom = tmp.resolve("dom.html");
    Path log = tmp.resolve("chromium.log");
    chromium(List.of("--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()), dom, log);
    Matcher images = Pattern.compile("data-images=\"(\\d+)/(\\d+)\"").matcher(Files.readString(dom));
    assertTrue(images.find(), "the page's load handler did not run");
    assertEquals("9", images.group(2), "nine charts");
    assertEquals(images.group(2), images.group(1), "every image loads");
    List<String> console = Files.readAllLines(log).stream().filter(l -> l.contains("CONSOLE(") || l.contains("Failed to load")).toList();
    assertEquals(List.of(), console, "console messages");

    Path screenshot = tmp.resolve("report.png");
    chromium(List.of("--hide-scrollbars", "--window-size=1200,1800", "--screenshot=" + screenshot, page.toUri().toString()),
        tmp.resolve("shot.out"), tmp.resolve("shot.log"));
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertEquals(1200, image.getWidth());
    assertTrue(luminanceVariance(image) > 100, "the screenshot looks blank");
  }

  private void chromium(List<String> args, Path stdout, Path stderr) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
  }

  private static double luminanceVariance(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
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
}
