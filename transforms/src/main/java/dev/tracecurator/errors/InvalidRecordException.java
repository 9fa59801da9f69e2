package dev.tracecurator.errors;

/** A row that breaks the input contract; its message names the field and what is wrong. */
public final class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message);
  }
}
