package dev.tracecurator.pipelines;

import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An {@link OutOfMemoryError} ends the run at once, with exit code 1 and one line naming where it
 * happened (the first of our classes on its stack, when there is one) and the heap the run had.
 *
 * <p>Without this a run could hang: on the DirectRunner a worker's OutOfMemoryError is handed to
 * the thread waiting for the job, which dies of it uncaught, while the runner's worker threads (not
 * daemons) keep the JVM alive with nothing left to do. A default uncaught-exception handler ends
 * the process instead ({@link Runtime#halt}: shutdown hooks could wait on those same threads), and
 * a job failure caused by one is reported the same way.
 */
final class OutOfMemoryExit {
  private static final String OWN_PACKAGE = "dev.tracecurator.";

  private OutOfMemoryExit() {}

  /** From now on an OutOfMemoryError no code catches, in any thread, ends the process. */
  static void install(PrintStream err) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    // Built now: when the handler runs, the heap may have no room for a message.
    String fallback = "trace-curator: the job ran out of memory with -Xmx" + (maxHeap >> 20) + "m";
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      boolean outOfMemory = true;
      try {
        outOfMemory = outOfMemory(e) != null;
        if (outOfMemory) {
          err.println(message(e, maxHeap));
        }
      } catch (Throwable alsoOutOfMemory) {
        err.println(fallback);
      } finally {
        if (outOfMemory) {
          err.flush();
          System.out.flush();
          Runtime.getRuntime().halt(ExitCodes.JOB_FAILED);
        }
      }
      if (previous != null) {
        previous.uncaughtException(thread, e);
      } else {
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(err);
      }
    });
  }

  /** When {@code failure} was caused by running out of memory, says so in one line and returns true. */
  static boolean report(Throwable failure, PrintStream err) {
    if (outOfMemory(failure) == null) {
      return false;
    }
    err.println(message(failure, Runtime.getRuntime().maxMemory()));
    return true;
  }

  static String message(Throwable failure, long maxHeap) {
    Throwable oom = outOfMemory(failure);
    String where = where(oom);
    String kind = oom instanceof OutOfMemoryError ? oom.getMessage() : "Flink could not allocate its memory";
    return "trace-curator: the job ran out of memory (" + kind + ")" + (where == null ? "" : " in " + where)
        + " with -Xmx" + (maxHeap >> 20) + "m: give it a larger heap (-Xmx) or fewer workers";
  }

  /**
   * The OutOfMemoryError in a throwable's causes and suppressed exceptions, or null. On Java 17
   * Flink can lose its own: it adds a hint to the error's message by reflection, which the module
   * system refuses, and the refusal is thrown in its place; that refusal stands for it.
   */
  static Throwable outOfMemory(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return find(failure, seen);
  }

  private static Throwable find(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return null;
    }
    if (t instanceof OutOfMemoryError || flinkLostOutOfMemoryError(t)) {
      return t;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable oom = find(suppressed, seen);
      if (oom != null) {
        return oom;
      }
    }
    return find(t.getCause(), seen);
  }

  private static boolean flinkLostOutOfMemoryError(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getMethodName().equals("tryEnrichOutOfMemoryError")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost of our methods on the error's stack, e.g. {@code SelectSftExamples.Decide.process}. */
  private static String where(Throwable oom) {
    for (StackTraceElement frame : oom.getStackTrace()) {
      String className = frame.getClassName();
      if (className.startsWith(OWN_PACKAGE) && !className.equals(OutOfMemoryExit.class.getName())) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.') + "." + frame.getMethodName();
      }
    }
    return null;
  }
}
