package dev.tracecurator.pipelines.bench;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.TrajectoryAnalyzer;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.normalize.NormalizeRecords;
import dev.tracecurator.sft.SftSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * All of curate's work on each row, and nothing of Beam's: normalise, extract tool use, parse the
 * patch, count tokens, score, scan for credentials, filter, render and count the SFT text, on all
 * cores. Between the bare loop and a runner, it tells the work the outputs need from what running
 * it as a pipeline adds.
 */
final class DomainLoop {
  private DomainLoop() {}

  static Measurement run(List<Path> files, int threads) throws IOException, InterruptedException {
    return BareLoop.run("curate's row work (" + threads + " threads, no Beam)", files, threads, DomainLoop::analyseRow);
  }

  static long analyseRow(String line, long number) {
    NormalizeRecords.Outcome outcome = NormalizeRecords.outcome(SourceLine.of(new SourcePosition("bench.jsonl", number), line, null, null));
    if (outcome.record() == null) {
      return 0;
    }
    AnalysedTrajectory analysed = TrajectoryAnalyzer.analyse(outcome.record(), SftSettings.TUTORIAL);
    return analysed.row().trajTokens();
  }
}
