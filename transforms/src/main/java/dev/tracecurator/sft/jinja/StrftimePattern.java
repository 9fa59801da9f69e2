package dev.tracecurator.sft.jinja;

/** A Python strftime format as a java.time pattern, for the directives templates use. */
final class StrftimePattern {
  private StrftimePattern() {}

  static String of(String format) {
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        literal.append(c);
        continue;
      }
      String directive = switch (format.charAt(++i)) {
        case 'Y' -> "yyyy";
        case 'y' -> "yy";
        case 'm' -> "MM";
        case 'd' -> "dd";
        case 'b' -> "MMM";
        case 'B' -> "MMMM";
        case 'a' -> "EEE";
        case 'A' -> "EEEE";
        case 'H' -> "HH";
        case 'M' -> "mm";
        case 'S' -> "ss";
        case '%' -> null;
        default -> throw new IllegalArgumentException("strftime_now: unsupported directive %" + format.charAt(i));
      };
      if (directive == null) {
        literal.append('%');
      } else {
        flush(literal, out);
        out.append(directive);
      }
    }
    flush(literal, out);
    return out.toString();
  }

  private static void flush(StringBuilder literal, StringBuilder out) {
    if (literal.length() > 0) {
      out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
      literal.setLength(0);
    }
  }
}
