package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;

/**
 * Writes N seeded, realistic trajectory rows in Open-SWE-Traces' current schema or the tutorial's,
 * as JSON Lines (gzip when the name ends in .gz) or, for the Hub schema, Parquet with nested columns
 * (a name ending in .parquet), one row at a time so memory stays flat.
 *
 * <pre>java -cp pipelines/target/trace-curator.jar dev.tracecurator.pipelines.generate.TraceGenerator \
 *   --rows=1000 --seed=42 --schema=hub --harness=openhands --model=minimax_m25 --out=rows.jsonl.gz</pre>
 */
public final class TraceGenerator {
  private TraceGenerator() {}

  public static void main(String[] args) throws IOException {
    try {
      run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("TraceGenerator: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Writes the rows the arguments ask for and says where; a bad argument is an IllegalArgumentException. */
  public static void run(String[] args, java.io.PrintStream out) throws IOException {
    GeneratorSettings settings = GeneratorSettings.parse(args);
    long bytes = write(settings);
    out.printf("wrote %,d rows (%,d bytes of JSON) to %s%n", settings.rows(), bytes, settings.out());
  }

  /** Writes the rows; returns the uncompressed size of their JSON. */
  static long write(GeneratorSettings settings) throws IOException {
    if (settings.out().toAbsolutePath().getParent() != null) {
      Files.createDirectories(settings.out().toAbsolutePath().getParent());
    }
    ObjectMapper mapper = new ObjectMapper();
    RowFactory factory = new RowFactory(settings);
    if (settings.out().toString().endsWith(".parquet")) {
      if (!"hub".equals(settings.schema())) {
        throw new IllegalArgumentException("Parquet output is for the Hub schema (--schema=hub)");
      }
      long bytes = 0;
      try (ParquetRowWriter writer = new ParquetRowWriter(settings.out())) {
        for (long i = 0; i < settings.rows(); i++) {
          ObjectNode node = HubRowWriter.write(factory.row(i));
          bytes += mapper.writeValueAsBytes(node).length + 1;
          writer.write(node);
        }
      }
      return bytes;
    }
    long bytes = 0;
    try (OutputStream file = Files.newOutputStream(settings.out());
        OutputStream out = settings.out().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      for (long i = 0; i < settings.rows(); i++) {
        GeneratedRow row = factory.row(i);
        ObjectNode node = "hub".equals(settings.schema()) ? HubRowWriter.write(row) : TutorialRowWriter.write(row, settings.seed());
        String line = mapper.writeValueAsString(node);
        writer.write(line);
        writer.write('\n');
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return bytes;
  }
}
