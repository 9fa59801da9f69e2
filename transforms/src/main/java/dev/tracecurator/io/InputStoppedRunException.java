package dev.tracecurator.io;

/** Stops the run on an {@link InputUnavailableException}: unchecked, so it leaves a DoFn as it is. */
public final class InputStoppedRunException extends RuntimeException {
  public InputStoppedRunException(InputUnavailableException cause) {
    super(cause.getMessage(), cause);
  }
}
