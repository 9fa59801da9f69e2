package dev.tracecurator.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Files written under temporary names in {@code DIR/.temp-beam-OUTPUT/} (named like Beam's own writers'
 * folders, which the output folder's clean-up knows) and renamed into {@code DIR} once every writer has
 * finished, so a failed run leaves no half-written file under a final name.
 */
public record StagedFiles(String directory, String output) implements Serializable {
  public static final String TEMP_FOLDER = ".temp-beam";

  /** A new temporary file's name; each call gives another. */
  public ResourceId newTemporary(String extension) {
    return FileSystems.matchNewResource(OutputPaths.join(temporaryFolder(), UUID.randomUUID() + extension), false);
  }

  /** {@code directory/name}. */
  public String finalPath(String name) {
    return OutputPaths.join(directory, name);
  }

  /**
   * Renames each temporary file to its final path, then removes the temporary folder with whatever a
   * failed, retried writer left there. A rerun after some renames finds those sources gone and skips them.
   */
  public void place(List<String> temporaries, List<String> finals) throws IOException {
    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    for (int i = 0; i < temporaries.size(); i++) {
      from.add(FileSystems.matchNewResource(temporaries.get(i), false));
      to.add(FileSystems.matchNewResource(finals.get(i), false));
    }
    FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    removeTemporaryFolder();
  }

  /** Deletes what is left in the temporary folder, then the folder. */
  public void removeTemporaryFolder() throws IOException {
    MatchResult left = FileSystems.match(OutputPaths.join(temporaryFolder(), "*"), EmptyMatchTreatment.ALLOW);
    List<ResourceId> files = new ArrayList<>();
    if (left.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata file : left.metadata()) {
        files.add(file.resourceId());
      }
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    try {
      FileSystems.delete(List.of(FileSystems.matchNewResource(temporaryFolder(), true)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException e) {
      // An object store has no folder to remove; a local one still holding a file stays, holding no output.
    }
  }

  /**
   * One folder per output ({@code .temp-beam-OUTPUT}): two outputs in one directory (tests write a
   * file beside the summary) must not remove each other's staged files.
   */
  public String temporaryFolder() {
    return OutputPaths.join(directory, TEMP_FOLDER + "-" + output);
  }
}
