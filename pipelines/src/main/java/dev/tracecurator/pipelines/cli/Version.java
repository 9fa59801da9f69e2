package dev.tracecurator.pipelines.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;
import org.apache.beam.sdk.util.ReleaseInfo;

/** {@code --version}: ours (filtered in by Maven from the POM), Beam's, the default runner's and Java's. */
public final class Version {
  private static final String RESOURCE = "version.properties";

  private Version() {}

  /** The project's version, as Maven wrote it into the jar; "unknown" outside a Maven build. */
  public static String ours() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }

  /** The default runner: Flink embedded in this JVM, with Flink's version. */
  public static String defaultRunner() {
    String flink;
    try {
      flink = org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
    } catch (RuntimeException | LinkageError e) {
      flink = "unknown";
    }
    return "FlinkRunner, an embedded Flink " + flink + " mini-cluster";
  }

  public static void print(PrintStream out) {
    out.println("trace-curator " + ours());
    out.println("Apache Beam " + ReleaseInfo.getReleaseInfo().getVersion());
    out.println("default runner: " + defaultRunner());
    out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
        + System.getProperty("java.vendor") + ")");
  }
}
