package dev.tracecurator.pipelines.bench.jmh;

import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.RowMapper;
import dev.tracecurator.pipelines.generate.TraceGenerator;
import dev.tracecurator.sft.ChatTemplate;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.Tokenizers;
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
 * What {@code --tokenizer} costs: counting one Qwen3-rendered trajectory of the generator's
 * Open-SWE-Traces rows, per tokenizer (rows cycle). Run from the repository root with
 * {@code java -cp pipelines/target/trace-curator.jar org.openjdk.jmh.Main TokenizerBenchmarks}; add
 * {@code -p tokenizer=PATH} for another tokenizer.json.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBenchmarks {
  @Param({"cl100k_base", "o200k_base", "src/test-fixtures/tokenizers/qwen3/tokenizer.json"})
  String tokenizer;

  private TextTokenizer counter;
  private List<String> texts;
  private int next;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    Path file = Files.createTempFile("jmh-rows", ".jsonl");
    TraceGenerator.run(new String[] {"--schema=hub", "--harness=openhands", "--model=minimax_m25", "--rows=64",
        "--seed=9", "--out=" + file}, new PrintStream(java.io.OutputStream.nullOutputStream()));
    List<String> lines = Files.readAllLines(file);
    Files.delete(file);
    texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      TrajectoryRecord r = RowMapper.map(dev.tracecurator.model.SourceLine.of(new dev.tracecurator.model.SourcePosition("jmh.jsonl", i + 1),
          lines.get(i), null, null));
      texts.add(ChatTemplate.QWEN3.render(r.messages(), r.tools(), true));
    }
    counter = Tokenizers.get(tokenizer.contains("/") ? Path.of(tokenizer).toAbsolutePath().toString() : tokenizer);
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf("%n%s: %d texts, %d chars, %d tokens%n", counter.name(), texts.size(), chars,
        texts.stream().mapToLong(counter::count).sum());
  }

  @Benchmark
  public int countRenderedTrajectory() {
    next = (next + 1) % texts.size();
    return counter.count(texts.get(next));
  }
}
