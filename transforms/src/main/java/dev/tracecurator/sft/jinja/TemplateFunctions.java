package dev.tracecurator.sft.jinja;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The globals transformers gives every chat template, as static methods Jinjava can call. */
public final class TemplateFunctions {
  private TemplateFunctions() {}

  /** A template's own refusal, carried out of Jinjava with its message. */
  public static final class Raised extends RuntimeException {
    Raised(String message) {
      super(message);
    }
  }

  /** {@code raise_exception(message)}: the template refuses the conversation. */
  public static Object raiseException(String message) {
    throw new Raised(message);
  }

  /** {@code strftime_now(format)}: now in the machine's zone, as Python's strftime prints it. */
  public static String strftimeNow(String format) {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern(StrftimePattern.of(format), Locale.ROOT));
  }
}
