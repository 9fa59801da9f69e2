package dev.tracecurator.io;

import java.io.Serializable;

/**
 * A file a writer has finished under a temporary name, waiting to be put in place.
 *
 * @param temporary its temporary path
 * @param finalPath where it goes, or null when its placement names it (text parts are numbered
 *     once all are known)
 */
public record WrittenFile(String temporary, String finalPath) implements Serializable {
  public static WrittenFile unnamed(String temporary) {
    return new WrittenFile(temporary, null);
  }
}
