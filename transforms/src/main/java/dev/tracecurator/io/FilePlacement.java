package dev.tracecurator.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Puts staged files in place once every writer has finished: {@code written} is what the writers emitted. */
public interface FilePlacement<T> extends Serializable {
  void place(List<T> written) throws IOException;
}
