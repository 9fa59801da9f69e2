package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hf:// read in place, against a local server that serves real Parquet files the way the Hub does
 * (tree API, resolve redirect, Range), with faults injected.
 */
class HubInputTest {
  private static final String REPO = "nvidia/Open-SWE-Traces";
  private static final String DIR = "data/openhands/minimax_m25/swe_smith";
  private static final String TOKEN = "hf_CANARYtokenThatMustNeverLeak123";

  @TempDir
  Path tmp;

  private HubServer serveGeneratedFiles(Path local) throws IOException {
    HubServer hub = new HubServer(REPO);
    for (int i = 0; i < 2; i++) {
      String name = "train-0000" + i + "-of-00002.parquet";
      Path file = local.resolve(DIR).resolve(name);
      Files.createDirectories(file.getParent());
      dev.tracecurator.pipelines.generate.TraceGeneratorAccess.writeParquet(file, 10, 900 + i);
      hub.files.put(DIR + "/" + name, Files.readAllBytes(file));
    }
    return hub;
  }

  @Test
  void readingTheHubEqualsReadingTheSameFilesLocally() throws Exception {
    Path local = tmp.resolve("local");
    try (HubServer hub = serveGeneratedFiles(local)) {
      hub.answer429Once.set(true);
      hub.dropOnce.add(DIR + "/train-00001-of-00002.parquet");
      Path fromHub = tmp.resolve("from-hub");
      CurateEndToEndTest.Run run = CurateEndToEndTest.main(
          "--input=hf://datasets/" + REPO + "/data/openhands/minimax_m25/**/*.parquet",
          "--hfEndpoint=" + hub.endpoint(), "--hfToken=" + TOKEN, "--output=" + fromHub, "--progressIntervalSeconds=1", "--minGroupSize=1");
      assertEquals(0, run.exitCode(), run.stderr());
      Path fromDisk = tmp.resolve("from-disk");
      assertEquals(0, CurateEndToEndTest.main("--input=" + local + "/data/**/*.parquet", "--output=" + fromDisk,
          "--progressIntervalSeconds=0", "--minGroupSize=1").exitCode());

      assertEquals(rowsWithoutSource(fromDisk), rowsWithoutSource(fromHub));
      assertEquals(Json.STRICT.readTree(fromDisk.resolve("stats/summary.json").toFile()),
          Json.STRICT.readTree(fromHub.resolve("stats/summary.json").toFile()));
      assertEquals(20, Json.STRICT.readTree(fromHub.resolve("manifest.json").toFile()).get("counts").get("analysed").asInt());
      assertTrue(CsvTable.readShards(fromHub.resolve("analysis")).rows.stream()
          .allMatch(r -> "openhands".equals(r.get("agent")) && "minimax_m25".equals(r.get("model"))), "agent/model from the Hub path");
      assertTrue(hub.storageRequests.get(DIR + "/train-00001-of-00002.parquet").get() >= 2, "the dropped read was resumed");
      assertTrue(hub.authorizations.contains("Bearer " + TOKEN), "the token is sent to the Hub");

      for (String text : List.of(run.stdout(), run.stderr())) {
        assertFalse(text.contains(TOKEN), "the token leaked into the console");
      }
      try (Stream<Path> files = Files.walk(fromHub)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(TOKEN), "token in " + f);
        }
      }
    }
  }

  @Test
  void aSmallLimitFetchesOnlyTheFirstFile() throws Exception {
    try (HubServer hub = serveGeneratedFiles(tmp.resolve("local"))) {
      CurateEndToEndTest.Run run = CurateEndToEndTest.main(
          "--input=hf://datasets/" + REPO + "/data/openhands/minimax_m25/**/*.parquet", "--limitPerSource=5",
          "--hfEndpoint=" + hub.endpoint(), "--output=" + tmp.resolve("limited"), "--progressIntervalSeconds=0");
      assertEquals(0, run.exitCode(), run.stderr());
      assertEquals(5, Json.STRICT.readTree(tmp.resolve("limited/manifest.json").toFile()).get("counts").get("read").asInt());
      assertTrue(hub.storageRequests.containsKey(DIR + "/train-00000-of-00002.parquet"));
      assertNull(hub.storageRequests.get(DIR + "/train-00001-of-00002.parquet"), "the second file was never fetched");
    }
  }

  @Test
  void aFileTheHubDoesNotServeStopsTheRunNamingIt() throws Exception {
    try (HubServer hub = serveGeneratedFiles(tmp.resolve("local"))) {
      hub.missing.add(DIR + "/train-00001-of-00002.parquet");
      CurateEndToEndTest.Run run = CurateEndToEndTest.main(
          "--input=hf://datasets/" + REPO + "/data/openhands/minimax_m25/**/*.parquet",
          "--hfEndpoint=" + hub.endpoint(), "--hfToken=" + TOKEN, "--output=" + tmp.resolve("missing"), "--progressIntervalSeconds=0");
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
      assertTrue(run.stderr().contains("train-00001-of-00002.parquet") && run.stderr().contains("HTTP 404")
          && run.stderr().contains(REPO) && run.stderr().contains("revision main"), run.stderr());
      assertFalse(run.stderr().contains(TOKEN));
    }
  }

  private static final String CARD = """
      ---
      license: cc-by-4.0
      configs:
      - config_name: default
        data_files:
        - split: train
          path: data/*/*/*/train-*.parquet
      - config_name: openhands_minimax
        data_files:
        - split: train
          path: data/openhands/minimax_m25/*/train-*.parquet
      ---
      # Open-SWE-Traces (stand-in card)
      """;

  @Test
  void aConfigAndSplitReadTheFilesTheDatasetCardNames() throws Exception {
    try (HubServer hub = serveGeneratedFiles(tmp.resolve("local"))) {
      hub.files.put("README.md", CARD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      hub.files.put("data/swe_agent/qwen35/nemotron/other.parquet", new byte[] {1});
      Path out = tmp.resolve("by-config");
      CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=hf://datasets/" + REPO + "#openhands_minimax/train",
          "--hfEndpoint=" + hub.endpoint(), "--output=" + out, "--progressIntervalSeconds=0", "--minGroupSize=1");
      assertEquals(0, run.exitCode(), run.stderr());
      assertEquals(20, Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts").get("analysed").asInt());
      assertTrue(CsvTable.readShards(out.resolve("analysis")).rows.stream()
          .allMatch(r -> "openhands".equals(r.get("agent")) && "minimax_m25".equals(r.get("model"))), "agent/model from the path");
      assertNull(hub.storageRequests.get("data/swe_agent/qwen35/nemotron/other.parquet"), "a file outside the split");
    }
  }

  @Test
  void theTutorialsConfigNamesThatNoLongerExistAreToldWithTheOnesThatDo() throws Exception {
    try (HubServer hub = serveGeneratedFiles(tmp.resolve("local"))) {
      hub.files.put("README.md", CARD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=hf://datasets/" + REPO + "#openhands/minimax_m25",
          "--hfEndpoint=" + hub.endpoint(), "--output=" + tmp.resolve("old-config"), "--progressIntervalSeconds=0");
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
      assertTrue(run.stderr().contains("no config 'openhands'") && run.stderr().contains("default, openhands_minimax"), run.stderr());

      run = CurateEndToEndTest.main("--input=hf://datasets/" + REPO + "#default/minimax_m25",
          "--hfEndpoint=" + hub.endpoint(), "--output=" + tmp.resolve("old-split"), "--progressIntervalSeconds=0");
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
      assertTrue(run.stderr().contains("no split 'minimax_m25'") && run.stderr().contains("splits are: train"), run.stderr());
    }
  }

  @Test
  void withoutConfigsInTheCardTheHubsParquetConversionIsRead() throws Exception {
    Path local = tmp.resolve("local");
    try (HubServer hub = serveGeneratedFiles(local)) {
      Map<String, byte[]> converted = hub.revision("refs/convert/parquet");
      converted.put("openhands/minimax_m25/0000.parquet", hub.files.get(DIR + "/train-00000-of-00002.parquet"));
      converted.put("openhands/partial-qwen35/0000.parquet", hub.files.get(DIR + "/train-00001-of-00002.parquet"));
      hub.files.put("README.md", "---\nlicense: cc-by-4.0\n---\n# no configs\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String split : List.of("minimax_m25", "qwen35")) {
        Path out = tmp.resolve("converted-" + split);
        CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=hf://datasets/" + REPO + "#openhands/" + split,
            "--hfEndpoint=" + hub.endpoint(), "--output=" + out, "--progressIntervalSeconds=0", "--minGroupSize=1");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(10, Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts").get("analysed").asInt());
        assertTrue(CsvTable.readShards(out.resolve("analysis")).rows.stream()
            .allMatch(r -> "openhands".equals(r.get("agent")) && split.equals(r.get("model"))), "agent/model from config/split");
      }
      CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=hf://datasets/" + REPO + "#swe_agent/qwen35",
          "--hfEndpoint=" + hub.endpoint(), "--output=" + tmp.resolve("none"), "--progressIntervalSeconds=0");
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
      assertTrue(run.stderr().contains("no config 'swe_agent'") && run.stderr().contains("Parquet conversion names are: openhands"),
          run.stderr());
    }
  }

  private static List<String> rowsWithoutSource(Path out) throws IOException {
    List<String> rows = new ArrayList<>();
    for (Map<String, String> row : CsvTable.readShards(out.resolve("analysis")).rows) {
      Map<String, String> copy = new java.util.TreeMap<>(row);
      copy.remove("source_file");
      rows.add(copy.toString());
    }
    Collections.sort(rows);
    return rows;
  }
}
