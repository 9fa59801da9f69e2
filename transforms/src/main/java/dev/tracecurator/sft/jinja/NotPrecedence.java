package dev.tracecurator.sft.jinja;

import java.util.List;
import java.util.Set;

/**
 * {@code not} over a whole comparison, as in Jinja and Python: {@code not x|length == 1} is
 * {@code not (x|length == 1)}. Jinjava's {@code not} binds tighter than {@code ==}, so the operand
 * is put in parentheses, up to the next {@code and}, {@code or}, conditional or closing bracket.
 */
final class NotPrecedence {
  /** Tokens after which a {@code not} is the unary operator, not part of {@code not in} / {@code is not}. */
  private static final Set<String> UNARY_AFTER = Set.of("(", "[", "{", ",", "=", ":", "and", "or", "if", "elif", "else", "not",
      "in", "set");
  private static final Set<String> OPERAND_END = Set.of("and", "or", "if", "else", ",", ":");

  private NotPrecedence() {}

  static String parenthesise(String code) {
    List<String> t = FilterPrecedence.tokens(code);
    for (int k = t.size() - 1; k >= 0; k--) {
      if (!t.get(k).equals("not") || !unary(t, k)) {
        continue;
      }
      int start = k + 1;
      int depth = 0;
      int end = start;
      for (; end < t.size(); end++) {
        String tok = t.get(end);
        if (tok.equals("(") || tok.equals("[") || tok.equals("{")) {
          depth++;
        } else if (tok.equals(")") || tok.equals("]") || tok.equals("}")) {
          if (depth-- == 0) {
            break;
          }
        } else if (depth == 0 && OPERAND_END.contains(tok)) {
          break;
        }
      }
      while (end > start && Character.isWhitespace(t.get(end - 1).charAt(0))) {
        end--;
      }
      t.add(end, ")");
      t.add(start, "(");
    }
    return String.join("", t);
  }

  private static boolean unary(List<String> t, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(t.get(i).charAt(0))) {
      i--;
    }
    return i < 0 || UNARY_AFTER.contains(t.get(i));
  }
}
