package dev.tracecurator.sft.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filters in parentheses with what they filter. In Jinja a filter binds tighter than any
 * operator ({@code not x|length == 1} is {@code not ((x|length) == 1)}, as Llama 3.1 means it);
 * Jinjava applies it to more of the left side. {@code (x|length)} reads the same in both.
 */
final class FilterPrecedence {
  private static final Set<String> KEYWORDS = Set.of("not", "and", "or", "in", "is", "if", "else", "for", "set");

  private FilterPrecedence() {}

  static String parenthesise(String code) {
    List<String> tokens = tokens(code);
    for (int k = 0; k < tokens.size(); k++) {
      if (!tokens.get(k).equals("|")) {
        continue;
      }
      int start = operandStart(tokens, k);
      int end = chainEnd(tokens, k);
      if (start < 0 || end < 0) {
        continue;
      }
      tokens.add(end, ")");
      tokens.add(start, "(");
      k = end + 1;
    }
    return String.join("", tokens);
  }

  /** The names after each {@code |} of a tag's code. */
  static List<String> filterNames(String code) {
    List<String> tokens = tokens(code);
    List<String> names = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).equals("|")) {
        int i = k + 1;
        while (i < tokens.size() && isSpace(tokens.get(i))) {
          i++;
        }
        if (i < tokens.size() && isAtom(tokens.get(i))) {
          names.add(tokens.get(i));
        }
      }
    }
    return names;
  }

  /** The first token of the postfix expression left of the pipe at k, or -1. */
  private static int operandStart(List<String> t, int pipe) {
    int i = pipe - 1;
    while (i >= 0 && isSpace(t.get(i))) {
      i--;
    }
    if (i < 0) {
      return -1;
    }
    while (true) {
      String tok = t.get(i);
      if (isCloser(tok)) {
        i = opener(t, i);
        if (i < 0) {
          return -1;
        }
        tok = t.get(i);
      } else if (!isAtom(tok) || KEYWORDS.contains(tok)) {
        return -1;
      }
      int before = i - 1;
      if (before < 0) {
        return i;
      }
      String prev = t.get(before);
      if (prev.equals(".")) {
        i = before - 1;
        if (i < 0) {
          return -1;
        }
      } else if ((tok.equals("(") || tok.equals("[")) && (isCloser(prev) || (isAtom(prev) && !KEYWORDS.contains(prev)))) {
        i = before;
      } else {
        return i;
      }
    }
  }

  /** Just past the filter chain starting with the pipe at k, or -1. */
  private static int chainEnd(List<String> t, int pipe) {
    int i = pipe;
    int end = -1;
    while (i < t.size() && t.get(i).equals("|")) {
      i++;
      while (i < t.size() && isSpace(t.get(i))) {
        i++;
      }
      if (i >= t.size() || !isAtom(t.get(i))) {
        return -1;
      }
      i++;
      if (i < t.size() && t.get(i).equals("(")) {
        i = closer(t, i) + 1;
        if (i == 0) {
          return -1;
        }
      }
      end = i;
      int j = i;
      while (j < t.size() && isSpace(t.get(j))) {
        j++;
      }
      if (j < t.size() && t.get(j).equals("|")) {
        i = j;
      }
    }
    return end;
  }

  private static int opener(List<String> t, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      if (isCloser(t.get(i))) {
        depth++;
      } else if (isOpener(t.get(i)) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int closer(List<String> t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (isOpener(t.get(i))) {
        depth++;
      } else if (isCloser(t.get(i)) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isOpener(String tok) {
    return tok.equals("(") || tok.equals("[") || tok.equals("{");
  }

  private static boolean isCloser(String tok) {
    return tok.equals(")") || tok.equals("]") || tok.equals("}");
  }

  private static boolean isSpace(String tok) {
    return Character.isWhitespace(tok.charAt(0));
  }

  /** A name, a number or a string literal. */
  private static boolean isAtom(String tok) {
    char c = tok.charAt(0);
    return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '"';
  }

  /** String literals, names and numbers, white space runs, and single characters. */
  static List<String> tokens(String code) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      int j = i + 1;
      if (c == '\'' || c == '"') {
        while (j < code.length() && code.charAt(j) != c) {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j + 1, code.length());
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        while (j < code.length() && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_' || code.charAt(j) == '.'
            && Character.isDigit(c))) {
          j++;
        }
      } else if (Character.isWhitespace(c)) {
        while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
          j++;
        }
      }
      out.add(code.substring(i, j));
      i = j;
    }
    return out;
  }
}
