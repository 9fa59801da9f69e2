package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.testing.TestPipelines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WriteTextFiles} on the DirectRunner: what lands under the final names, and what is left behind. */
class WriteTextFilesTest {
  @TempDir
  Path tmp;

  @Test
  void everyBundleBecomesAShardWithTheHeaderAndNothingStagedIsLeft() throws Throwable {
    Path dir = tmp.resolve("table");
    // A failed, retried bundle's file: never placed, removed with the staging folder.
    Path orphan = Files.createDirectories(Path.of(new StagedFiles(dir.toString(), "part.csv").temporaryFolder())).resolve("failed-attempt.csv");
    Files.writeString(orphan, "h\nhalf");
    List<String> lines = IntStream.range(0, 1000).mapToObj(i -> "line " + i).toList();
    TestPipelines.run(getClass(), "sharded", p -> {
      p.apply(Create.of(lines).withCoder(StringUtf8Coder.of()))
          // several bundles: one per key on the DirectRunner
          .apply(WithKeys.of((String line) -> line.hashCode() % 7).withKeyType(TypeDescriptors.integers()))
          .apply(GroupByKey.create()).apply(Values.create()).apply(Flatten.iterables())
          .apply(WriteTextFiles.to(dir.toString(), ".csv", "h"));
      p.run().waitUntilFinish();
    });
    List<Path> shards = files(dir);
    assertTrue(shards.size() > 1, shards.toString());
    List<String> written = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      assertEquals(String.format("part-%05d-of-%05d.csv", i, shards.size()), shards.get(i).getFileName().toString());
      List<String> content = Files.readAllLines(shards.get(i), StandardCharsets.UTF_8);
      assertEquals("h", content.get(0), "each shard starts with the header");
      written.addAll(content.subList(1, content.size()));
    }
    assertEquals(lines.stream().sorted().toList(), written.stream().sorted().toList());
    assertFalse(Files.exists(Path.of(new StagedFiles(dir.toString(), "part.csv").temporaryFolder())), "the staging folder is removed");
  }

  @Test
  void anEmptyInputGivesOneFileHoldingTheHeader() throws Throwable {
    Path dir = tmp.resolve("rejected");
    TestPipelines.run(getClass(), "empty", p -> {
      p.apply(Create.empty(StringUtf8Coder.of())).apply(WriteTextFiles.to(dir.toString(), ".jsonl", null));
      p.apply("WithHeader", Create.empty(StringUtf8Coder.of())).apply("Table", WriteTextFiles.to(tmp.resolve("t").toString(), ".csv", "a,b"));
      p.run().waitUntilFinish();
    });
    assertEquals(List.of(dir.resolve("part-00000-of-00001.jsonl")), files(dir));
    assertEquals("", Files.readString(dir.resolve("part-00000-of-00001.jsonl")));
    assertEquals("a,b\n", Files.readString(tmp.resolve("t/part-00000-of-00001.csv")));
  }

  @Test
  void aSingleFileHoldsItsLinesUnderItsOwnName() throws Throwable {
    Path stats = tmp.resolve("stats");
    TestPipelines.run(getClass(), "single", p -> {
      p.apply(Create.of("{\"counts\": {}}")).apply(WriteTextFiles.toSingleFile(stats.resolve("summary.json").toString()));
      p.apply("Two", Create.of(List.of("a", "b"))).apply("Joined", WriteTextFiles.toSingleFile(stats.resolve("two.txt").toString()));
      p.run().waitUntilFinish();
    });
    assertEquals(List.of(stats.resolve("summary.json"), stats.resolve("two.txt")), files(stats));
    assertEquals("{\"counts\": {}}\n", Files.readString(stats.resolve("summary.json")));
    assertEquals(List.of("a", "b"), Files.readAllLines(stats.resolve("two.txt")).stream().sorted().toList());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.sorted().toList();
    }
  }

  @Test
  void outputsStagedApartArePlacedTogetherByOneStep() throws Throwable {
    Path table = tmp.resolve("table");
    Path stats = tmp.resolve("stats");
    TestPipelines.run(getClass(), "together", p -> {
      StagedOutput rows = WriteTextFiles.to(table.toString(), ".csv", "h")
          .stage("Rows", p.apply("Lines", Create.of(List.of("1", "2", "3"))));
      StagedOutput summary = WriteTextFiles.toSingleFile(stats.resolve("summary.json").toString())
          .stage("Summary", p.apply("One", Create.of("{}")));
      PlaceFiles.together(p, "PlaceAll", List.of(rows, summary));
      p.run().waitUntilFinish();
    });
    List<String> lines = new java.util.ArrayList<>();
    for (Path part : files(table)) {
      List<String> partLines = Files.readAllLines(part);
      assertEquals("h", partLines.get(0), part + " starts with its header");
      lines.addAll(partLines.subList(1, partLines.size()));
    }
    lines.sort(null);
    assertEquals(List.of("1", "2", "3"), lines);
    assertEquals(List.of("{}"), Files.readAllLines(stats.resolve("summary.json")));
    assertFalse(Files.exists(Path.of(new StagedFiles(table.toString(), "part.csv").temporaryFolder())), "the staging folder is removed");
  }
}
