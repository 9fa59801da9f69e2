package dev.tracecurator.pipelines.bench.jmh;

import dev.tracecurator.analysis.TrajectoryAnalyzer;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.RowMapper;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.patch.PatchStats;
import dev.tracecurator.pipelines.generate.TraceGenerator;
import dev.tracecurator.secrets.TrajectorySecrets;
import dev.tracecurator.sft.ChatMlRenderer;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.tokens.TokenCounter;
import dev.tracecurator.tooluse.ToolUse;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot domain functions on generated Open-SWE-Traces rows, one trajectory an operation (the
 * rows cycle, so every size in the generator's distribution is seen). Run with
 * {@code java -cp pipelines/target/trace-curator.jar org.openjdk.jmh.Main HotPathBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmarks {
  @Param({"64"})
  int rows;

  private List<String> lines;
  private List<TrajectoryRecord> records;
  private List<String> joined;
  private int next;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    Path file = Files.createTempFile("jmh-rows", ".jsonl");
    TraceGenerator.run(new String[] {"--schema=hub", "--harness=openhands", "--model=minimax_m25", "--rows=" + rows,
        "--seed=9", "--out=" + file}, new PrintStream(java.io.OutputStream.nullOutputStream()));
    lines = Files.readAllLines(file);
    Files.delete(file);
    records = new ArrayList<>();
    joined = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      TrajectoryRecord r = RowMapper.map(SourceLine.of(new SourcePosition("jmh.jsonl", i + 1), lines.get(i), null, null));
      records.add(r);
      joined.add(TrajectoryAnalyzer.joinedText(r.messages()));
    }
  }

  private int nextIndex() {
    next = (next + 1) % lines.size();
    return next;
  }

  @Benchmark
  public TrajectoryRecord normalise() {
    int i = nextIndex();
    return RowMapper.map(SourceLine.of(new SourcePosition("jmh.jsonl", i + 1), lines.get(i), null, null));
  }

  @Benchmark
  public ToolUse extractToolUse() {
    return ToolUseExtractor.extract(records.get(nextIndex()).messages());
  }

  @Benchmark
  public PatchStats parsePatch() {
    return PatchParser.parse(records.get(nextIndex()).modelPatch());
  }

  @Benchmark
  public int countTokens() {
    return TokenCounter.count(joined.get(nextIndex()));
  }

  @Benchmark
  public String renderChatMl() {
    return ChatMlRenderer.render(records.get(nextIndex()).messages());
  }

  @Benchmark
  public TrajectorySecrets scanSecrets() {
    TrajectoryRecord r = records.get(nextIndex());
    return TrajectorySecrets.scan(r.messages(), r.modelPatch());
  }

  @Benchmark
  public Object analyseWhole() {
    return TrajectoryAnalyzer.analyse(records.get(nextIndex()), SftSettings.TUTORIAL);
  }
}
