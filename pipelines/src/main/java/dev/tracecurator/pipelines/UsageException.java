package dev.tracecurator.pipelines;

/** A run that cannot start or finish for a reason the user can fix; its message says how. */
final class UsageException extends RuntimeException {
  private final int exitCode;

  UsageException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
