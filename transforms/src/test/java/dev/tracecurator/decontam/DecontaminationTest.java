package dev.tracecurator.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.io.BenchmarkFiles;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.RowMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Decontamination on real rows (OpenHands' Multi-SWE-bench run and the benchmark rows it was
 * given), on overlaps planted in generated rows, on near misses that must not match, and on the
 * bundled sample, which must match nothing.
 */
class DecontaminationTest {
  private static final Path REAL = Path.of("src/test-fixtures/real");
  private static final Path BENCHMARK = REAL.resolve("benchmark/multi-swe-bench.instances.jsonl");
  private static final Path RUNS = REAL.resolve("openhands-output/multi_swe_bench.example.output.jsonl");

  private static List<TrajectoryRecord> realRuns() throws IOException {
    List<String> lines = Files.readAllLines(RUNS);
    List<TrajectoryRecord> runs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      runs.add(RowMapper.map(SourceLine.of(new SourcePosition(RUNS.toString(), i + 1), lines.get(i), null, null)));
    }
    return runs;
  }

  private static BenchmarkIndex realIndex() throws IOException {
    return BenchmarkIndex.of(BenchmarkFiles.read(BENCHMARK.toString()), 13);
  }

  private static TrajectoryRecord with(TrajectoryRecord r, String instanceId, String repo, String baseCommit, String patch) {
    return new TrajectoryRecord(r.position(), instanceId, repo, r.language(), r.license(), r.resolved(), r.agent(), r.model(),
        r.trajectoryId(), r.category(), r.metaFiles(), r.metaLines(), r.messages(), r.tools(), patch, r.trajectoryError(),
        r.textCommands(), baseCommit);
  }

  @Test
  void realRunsOfABenchmarkAreFoundByEachRule() throws IOException {
    BenchmarkIndex index = realIndex();
    assertEquals(3, index.rows());
    List<TrajectoryRecord> runs = realRuns();
    for (TrajectoryRecord run : runs) {
      // the run states its instance, its repository (instance.repo) and its base commit (instance.base_commit)
      assertEquals("ponylang/ponyc", run.repo());
      assertTrue(run.baseCommit() != null && run.baseCommit().length() == 40, run.baseCommit());
      assertEquals(new Contamination(run.instanceId(), ContaminationRule.INSTANCE_ID), index.match(run));
      // renamed, it is still the benchmark's repository at the benchmark's commit
      TrajectoryRecord renamed = with(run, "renamed-" + run.instanceId(), run.repo(), run.baseCommit(), run.modelPatch());
      assertEquals(new Contamination(run.instanceId(), ContaminationRule.REPO_COMMIT), index.match(renamed));
      // renamed and without repository or commit, its task statement (OpenHands' instruction) still quotes the issue
      TrajectoryRecord bare = with(run, "renamed-" + run.instanceId(), null, null, run.modelPatch());
      assertEquals(new Contamination(run.instanceId(), ContaminationRule.NGRAM), index.match(bare));
    }
  }

  @Test
  void overlapsPlantedInGeneratedRowsAreAllFound() {
    PlantedOverlaps gen = new PlantedOverlaps(18);
    List<String> statement = gen.statementWords(200);
    BenchmarkRow gold = new BenchmarkRow("owner__proj-101", "owner/proj", "0123456789abcdef0123456789abcdef01234567",
        String.join(" ", statement), PlantedOverlaps.GOLD_PATCH);
    BenchmarkRow other = new BenchmarkRow("else__where-7", "else/where", "fedcba9876543210fedcba9876543210fedcba98",
        String.join(" ", gen.statementWords(200)), null);
    BenchmarkIndex index = BenchmarkIndex.of(List.of(other, gold), 13);

    // a 13-word span from the middle of the statement, in other text, punctuated and cased differently
    String span = gen.spanInOtherText(statement, 90, 13).toUpperCase(java.util.Locale.ROOT).replace(" ", ",  ");
    assertEquals(new Contamination("owner__proj-101", ContaminationRule.NGRAM), index.match("mine-1", "me/mine", null, span, null));
    // the gold patch written by another tool
    assertEquals(new Contamination("owner__proj-101", ContaminationRule.PATCH),
        index.match("mine-2", "me/mine", null, "nothing alike", PlantedOverlaps.goldPatchRewritten()));
    // a renamed instance at the same repository (another spelling of it) and commit
    assertEquals(new Contamination("owner__proj-101", ContaminationRule.REPO_COMMIT),
        index.match("mine-3", "https://github.com/Owner/Proj.git", "0123456789ABCDEF0123456789ABCDEF01234567", "nothing", null));
    assertEquals(new Contamination("owner__proj-101", ContaminationRule.INSTANCE_ID),
        index.match("owner__proj-101", null, null, null, null));
  }

  @Test
  void nearMissesAreNotFound() {
    PlantedOverlaps gen = new PlantedOverlaps(19);
    List<String> statement = gen.statementWords(200);
    BenchmarkIndex index = BenchmarkIndex.of(List.of(new BenchmarkRow("owner__proj-101", "owner/proj",
        "0123456789abcdef0123456789abcdef01234567", String.join(" ", statement), PlantedOverlaps.GOLD_PATCH)), 13);
    for (int from = 0; from + 12 <= statement.size(); from += 11) {
      assertNull(index.match("mine", null, null, gen.spanInOtherText(statement, from, 12), null), "12 words from " + from);
    }
    assertNull(index.match("mine", null, null, "", PlantedOverlaps.goldPatchOneLineChanged()));
    // the same repository at another commit, or at a ref that names no commit
    assertNull(index.match("mine", "owner/proj", "1123456789abcdef0123456789abcdef01234567", null, null));
    assertNull(index.match("mine", "owner/proj", "HEAD", null, null));
    // the whole statement is found, and a longer n-gram setting needs a longer span
    assertTrue(index.match("mine", null, null, String.join(" ", statement), null) != null);
    BenchmarkIndex twenty = BenchmarkIndex.of(List.of(new BenchmarkRow("owner__proj-101", null, null, String.join(" ", statement), null)), 20);
    assertNull(twenty.match("mine", null, null, gen.spanInOtherText(statement, 50, 19), null));
    assertEquals(ContaminationRule.NGRAM, twenty.match("mine", null, null, gen.spanInOtherText(statement, 50, 20), null).rule());
  }

  @Test
  void theBundledSampleMatchesNothingInTheRealBenchmark() throws IOException {
    BenchmarkIndex index = realIndex();
    int runs = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/sample"))) {
      files = walk.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          TrajectoryRecord run;
          try {
            run = RowMapper.map(SourceLine.of(new SourcePosition(file.toString(), number), line, null, null));
          } catch (InvalidRecordException e) {
            continue; // the sample's deliberately broken rows, which a run rejects
          }
          assertNull(index.match(run), file + ":" + number);
          runs++;
        }
      }
    }
    assertEquals(310, runs, "the sample's readable rows (src/sample/README.md)");
  }

  private static TrajectoryRecord wholeFile(String path) throws IOException {
    Path file = REAL.resolve(path);
    return RowMapper.map(SourceLine.of(new SourcePosition(file.toString(), 1), Files.readString(file), null, null));
  }

  @Test
  void theBaseCommitIsReadWhereARealSourceStatesOneAndNeverGuessed() throws IOException {
    // SWE-agent: replay_config.env.repo.base_commit
    assertEquals("bfd2593d4b416122e30cdefe0c72d322ef471611",
        wholeFile("swe-agent-traj/marshmallow-1867.function_calling_replace.traj").baseCommit());
    // the same field holding a ref, not a commit
    assertNull(wholeFile("swe-agent-traj/6e44b9__sweagenttestrepo-1c2844.traj").baseCommit());
    // mini-swe-agent states none
    assertNull(wholeFile("mini-swe-agent/django__django-11163.traj.json").baseCommit());
    // OpenHands evaluation output: instance.base_commit
    assertEquals("f8a2feebba3aea298bde89d445ad35ca48602ca7", realRuns().get(0).baseCommit());
  }

  @Test
  void patchesAreComparedAfterNormalising() {
    assertEquals(NormalizedPatch.of(PlantedOverlaps.GOLD_PATCH), NormalizedPatch.of(PlantedOverlaps.goldPatchRewritten()));
    assertTrue(NormalizedPatch.of(PlantedOverlaps.GOLD_PATCH).contains("@@\n     payload = request.json()\n"));
    assertTrue(NormalizedPatch.hash(PlantedOverlaps.GOLD_PATCH) != NormalizedPatch.hash(PlantedOverlaps.goldPatchOneLineChanged()));
    assertEquals(0L, NormalizedPatch.hash(null));
    assertEquals(0L, NormalizedPatch.hash(" \n\n"));
  }
}
