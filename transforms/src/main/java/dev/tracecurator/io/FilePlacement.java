package dev.tracecurator.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Puts staged files in place once every writer has finished: {@code written} is what its writer emitted. */
public interface FilePlacement extends Serializable {
  void place(List<WrittenFile> written) throws IOException;
}
