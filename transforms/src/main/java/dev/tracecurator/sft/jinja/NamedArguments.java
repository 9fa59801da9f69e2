package dev.tracecurator.sft.jinja;

/**
 * Keyword arguments in parentheses: Jinjava binds {@code name=value} tighter than a filter or an
 * operator in the value, so Qwen3's {@code namespace(last_query_index=messages|length - 1)} fails
 * there; {@code name=(messages|length - 1)} means what Jinja means.
 */
final class NamedArguments {
  private NamedArguments() {}

  static String parenthesise(String code) {
    StringBuilder out = new StringBuilder(code.length() + 8);
    int depth = 0;
    int[] openAt = new int[64];
    char quote = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      out.append(c);
      if (quote != 0) {
        if (c == '\\' && i + 1 < code.length()) {
          out.append(code.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '\'', '"' -> quote = c;
        case '(' -> depth++;
        case ')' -> depth = Math.max(0, depth - 1);
        case '=' -> {
          boolean single = (i + 1 >= code.length() || code.charAt(i + 1) != '=')
              && (i == 0 || "=!<>".indexOf(code.charAt(i - 1)) < 0);
          if (single && depth > 0 && precededByName(code, i)) {
            int end = valueEnd(code, i + 1);
            out.append('(').append(code, i + 1, end).append(')');
            i = end - 1;
          }
        }
        default -> { }
      }
    }
    return out.toString();
  }

  private static boolean precededByName(String code, int equals) {
    int j = equals - 1;
    while (j >= 0 && code.charAt(j) == ' ') {
      j--;
    }
    return j >= 0 && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_');
  }

  /** Where the value ends: the next comma or closing parenthesis at its own depth. */
  private static int valueEnd(String code, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return code.length();
  }
}
