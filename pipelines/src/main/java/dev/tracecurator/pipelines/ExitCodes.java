package dev.tracecurator.pipelines;

/** The documented exit codes of {@code trace-curator}. */
final class ExitCodes {
  static final int OK = 0;
  static final int JOB_FAILED = 1;
  static final int BAD_OPTIONS = 2;
  static final int BAD_INPUT = 3;
  static final int OUTPUT_REFUSED = 4;
  static final int COUNTS_DO_NOT_RECONCILE = 5;
  static final int TOO_MANY_REJECTED = 6;

  private ExitCodes() {}
}
