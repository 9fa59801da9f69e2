package dev.tracecurator.io;

import java.io.IOException;

/**
 * An input that cannot be read at all for a reason retrying will not fix (refused access, a file
 * gone from the Hub): the run stops with this message instead of rejecting rows one by one.
 */
public class InputUnavailableException extends IOException {
  public InputUnavailableException(String message) {
    super(message);
  }

  /** The first of these in a chain of causes, if any. */
  static InputUnavailableException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InputUnavailableException unavailable) {
        return unavailable;
      }
    }
    return null;
  }
}
