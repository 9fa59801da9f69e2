package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.SourceLine;
import dev.tracecurator.testing.TestPipelines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTrajectoryLinesTest {
  @TempDir
  Path dir;

  private static String describe(SourceLine l) {
    String file = l.position().file().substring(l.position().file().lastIndexOf('/') + 1);
    return file + ":" + l.position().line() + " " + l.agentHint() + "/" + l.modelHint() + " "
        + (l.readError() != null ? "ERROR " + l.readError().substring(0, Math.min(30, l.readError().length())) : l.text());
  }

  @Test
  void aBigJsonLinesFileReadInStretchesGivesEveryRowOnceWithItsLine() throws Throwable {
    Path file = dir.resolve("data/openhands/qwen35_122b/big/train-00000.jsonl");
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder("\uFEFF");
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      String row = "{\"i\": " + i + ", \"pad\": \"" + "p".repeat(i % 97) + "\"}";
      text.append(row).append(i % 7 == 0 ? "\r\n" : "\n");
      expected.add("train-00000.jsonl:" + i + " openhands/qwen35_122b " + row);
    }
    Files.writeString(file, text);
    TestPipelines.run(getClass(), "stretches", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(List.of(InputSpec.parse(file.toString()))).withRangeBytes(1_000));
      PAssert.that(lines.apply(org.apache.beam.sdk.transforms.MapElements
          .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(ReadTrajectoryLinesTest::describe)))
          .containsInAnyOrder(expected);
      p.run().waitUntilFinish();
    });
  }

  @Test
  void readsEveryFormatWithPositionsAndLabels() throws Throwable {
    Path hub = Files.createDirectories(dir.resolve("data/openhands/qwen35_122b/swe_smith"));
    Files.writeString(hub.resolve("train-00000.jsonl"), "{\"a\":1}\n{\"a\":2}\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hub.resolve("train-00001.jsonl.gz")))) {
      out.write("{\"g\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    try (OutputStream out = new com.github.luben.zstd.ZstdOutputStream(Files.newOutputStream(hub.resolve("train-00002.jsonl.zst")))) {
      out.write("{\"z\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("rows.json"), "[\n  {\"j\": 1},\n  {\"j\": 2}\n]\n");
    Files.writeString(other.resolve("notes.txt"), "hello\n");
    byte[] truncated = gzip("{\"t\":1}\n{\"t\":2}\n".repeat(2000));
    Files.write(other.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(truncated, truncated.length / 2));

    List<InputSpec> inputs = List.of(
        InputSpec.parse(dir + "/data/**/*.jsonl*"),
        InputSpec.parse(other + "/rows.json#sweagent/minimax_m25"),
        InputSpec.parse(other + "/notes.txt"));
    TestPipelines.run(getClass(), "readsEveryFormat", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(inputs));
      PAssert.that(lines.apply(org.apache.beam.sdk.transforms.MapElements
          .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(ReadTrajectoryLinesTest::describe)))
          .containsInAnyOrder(
              "train-00000.jsonl:1 openhands/qwen35_122b {\"a\":1}",
              "train-00000.jsonl:2 openhands/qwen35_122b {\"a\":2}",
              "train-00001.jsonl.gz:1 openhands/qwen35_122b {\"g\":1}",
              "train-00002.jsonl.zst:1 openhands/qwen35_122b {\"z\":1}",
              "rows.json:2 sweagent/minimax_m25 {\"j\":1}",
              "rows.json:3 sweagent/minimax_m25 {\"j\":2}",
              "notes.txt:0 null/null ERROR unsupported file type: expecte");
      p.run().waitUntilFinish();
    });

    List<InputSpec> cut = List.of(InputSpec.parse(other + "/cut.jsonl.gz"));
    TestPipelines.run(getClass(), "truncatedGzip", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(cut));
      PAssert.that(lines).satisfies(all -> {
        List<SourceLine> errors = new ArrayList<>();
        long good = 0;
        for (SourceLine l : all) {
          if (l.readError() != null) {
            errors.add(l);
          } else {
            good++;
          }
        }
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).readError().startsWith("cannot read "), errors.get(0).readError());
        assertTrue(errors.get(0).readError().contains("cut.jsonl.gz"));
        assertEquals(good + 1, errors.get(0).position().line());
        return null;
      });
      p.run().waitUntilFinish();
    });
  }

  private static byte[] gzip(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void limitPerSourceTakesTheFirstRecordsAndOpensNoFurtherFile() throws Throwable {
    Path split = Files.createDirectories(dir.resolve("split"));
    Files.writeString(split.resolve("train-00000.jsonl"), "{\"r\":1}\n{\"r\":2}\n{\"r\":3}\n");
    Files.writeString(split.resolve("train-00001.jsonl"), "{\"r\":4}\n{\"r\":5}\n");
    // Not gzip at all: opening it would produce a read error, so a record from it means it was opened.
    Files.writeString(split.resolve("train-00002.jsonl.gz"), "not gzip");
    List<InputSpec> inputs = List.of(InputSpec.parse(split + "/*"));
    TestPipelines.run(getClass(), "limit", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(inputs).withLimitPerSource(4));
      PAssert.that(lines.apply(org.apache.beam.sdk.transforms.MapElements
          .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(ReadTrajectoryLinesTest::describe)))
          .containsInAnyOrder(
              "train-00000.jsonl:1 null/null {\"r\":1}", "train-00000.jsonl:2 null/null {\"r\":2}",
              "train-00000.jsonl:3 null/null {\"r\":3}", "train-00001.jsonl:1 null/null {\"r\":4}");
      p.run().waitUntilFinish();
    });
  }

  @Test
  void globMatchingNothingIsNamed() {
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> ReadTrajectoryLines.match(dir + "/nothing-here/*.jsonl"));
    assertTrue(e.getMessage().contains("nothing-here"), e.getMessage());
  }

  @Test
  void inputLabels() {
    assertEquals(new InputSpec("a/*.jsonl", "openhands", "m"), InputSpec.parse("a/*.jsonl#openhands/m"));
    assertEquals(new InputSpec("a/*.jsonl", null, null), InputSpec.parse("a/*.jsonl"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("a#onlyagent"));
  }
}
