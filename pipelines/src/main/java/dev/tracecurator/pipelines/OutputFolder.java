package dev.tracecurator.pipelines;

import dev.tracecurator.io.OutputPaths;
import dev.tracecurator.sft.SftLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The output folder's life cycle: a folder holding a finished run (its manifest) is refused
 * unless overwriting is asked for; the outputs of an earlier run are removed before writing, so
 * shards of two runs never mix; the manifest is written last and marks the run complete.
 */
final class OutputFolder {
  static final String MANIFEST = "manifest.json";
  private static final List<String> DIRS = List.of(
      CuratePipeline.ANALYSIS_DIR, CuratePipeline.SFT_DIR, CuratePipeline.REJECTED_DIR, "stats", CuratePipeline.REPORT_DIR);
  /** Beam's writers stage shards in such folders and rename them into place; a killed run leaves them. */
  private static final String TEMP = ".temp-beam*";

  private final String root;

  OutputFolder(String root) {
    this.root = root;
  }

  String path(String child) {
    return OutputPaths.join(root, child);
  }

  void prepare(boolean overwrite) {
    try {
      if (exists(path(MANIFEST)) && !overwrite) {
        throw new UsageException(ExitCodes.OUTPUT_REFUSED, root + " already holds a finished run (" + MANIFEST
            + "); pass --overwrite to replace it, or choose another --output");
      }
      // The manifest goes first: a run interrupted here must not look finished.
      delete(matching(List.of(MANIFEST)));
      List<String> outputs = new ArrayList<>();
      List<String> staged = new ArrayList<>();
      for (String dir : DIRS) {
        outputs.add(dir + "/*");
        staged.add(dir + "/" + TEMP + "/*");
      }
      delete(matching(outputs));
      List<ResourceId> stagedFiles = matching(staged);
      delete(stagedFiles);
      // Then their folders, now empty (match lists no folders, so they are found through their files).
      delete(stagedFiles.stream().map(ResourceId::getCurrentDirectory).distinct().toList());
    } catch (IOException e) {
      throw new UsageException(ExitCodes.OUTPUT_REFUSED, "cannot prepare output folder " + root + ": " + e.getMessage());
    }
    try {
      // Fail now, in one line, rather than at the job's first shard minutes later.
      ResourceId probe = FileSystems.matchNewResource(path(".trace-curator-write-test"), false);
      FileSystems.create(probe, "text/plain").close();
      delete(List.of(probe));
    } catch (IOException | RuntimeException e) {
      throw new UsageException(ExitCodes.OUTPUT_REFUSED, "cannot write to output folder " + root + " (" + e.getMessage()
          + "): choose a folder you can write to with --output");
    }
  }

  private List<ResourceId> matching(List<String> patterns) throws IOException {
    List<ResourceId> found = new ArrayList<>();
    for (String pattern : patterns) {
      MatchResult match = FileSystems.match(path(pattern), EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          found.add(m.resourceId());
        }
      }
    }
    return found;
  }

  private static void delete(List<ResourceId> resources) throws IOException {
    FileSystems.delete(resources, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Beam's file writers leave their emptied temporary folder behind on local disks. */
  void removeEmptyTempFolders() {
    try {
      ResourceId temp = FileSystems.matchNewResource(path(CuratePipeline.SFT_DIR + "/.temp-beam"), true);
      FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      // A folder that is not empty or cannot go stays; it holds no output.
    }
  }

  /** The SFT splits that have files, train first. */
  List<String> sftSplits(SftLayout layout) {
    List<String> splits = new ArrayList<>();
    for (String split : List.of(SftLayout.TRAIN, SftLayout.VALIDATION)) {
      try {
        if (exists(path(CuratePipeline.SFT_DIR + "/" + split + "-*" + layout.file().extension()))) {
          splits.add(split);
        }
      } catch (IOException e) {
        throw new UsageException(ExitCodes.JOB_FAILED, "cannot list " + path(CuratePipeline.SFT_DIR) + ": " + e.getMessage());
      }
    }
    return splits;
  }

  static boolean exists(String path) throws IOException {
    MatchResult match = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
    return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty();
  }
}
