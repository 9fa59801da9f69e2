package dev.tracecurator.sft.jinja;

import dev.tracecurator.sft.PythonStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Python's {@code str} methods, as templates call them on message text. */
final class PythonStringMethods {
  /** Returned for a method that is not one of Python's, so Jinjava's own resolvers try it. */
  static final Object NOT_HANDLED = new Object();

  private PythonStringMethods() {}

  static Object call(String s, String method, Object[] args) {
    return switch (method) {
      case "strip" -> strip(s, chars(args), true, true);
      case "lstrip" -> strip(s, chars(args), true, false);
      case "rstrip" -> strip(s, chars(args), false, true);
      case "startswith" -> anyPrefix(s, args[0], true);
      case "endswith" -> anyPrefix(s, args[0], false);
      case "split" -> split(s, args.length > 0 ? (String) args[0] : null, args.length > 1 ? ((Number) args[1]).intValue() : -1);
      case "upper" -> s.toUpperCase(Locale.ROOT);
      case "lower" -> s.toLowerCase(Locale.ROOT);
      case "title" -> title(s);
      case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
      case "replace" -> s.replace(String.valueOf(args[0]), String.valueOf(args[1]));
      case "find" -> (long) s.indexOf(String.valueOf(args[0]));
      case "count" -> count(s, String.valueOf(args[0]));
      case "join" -> join(s, args[0]);
      case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "isspace" -> !s.isEmpty() && s.chars().allMatch(c -> PythonStrings.isSpace((char) c));
      default -> NOT_HANDLED;
    };
  }

  private static String chars(Object[] args) {
    return args.length == 0 || args[0] == null ? null : String.valueOf(args[0]);
  }

  /** str.strip(chars): chars null means Python's white space. */
  static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && removes(chars, s.charAt(start))) {
      start++;
    }
    while (right && end > start && removes(chars, s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean removes(String chars, char c) {
    return chars == null ? PythonStrings.isSpace(c) : chars.indexOf(c) >= 0;
  }

  private static boolean anyPrefix(String s, Object prefixes, boolean start) {
    if (prefixes instanceof Iterable<?> many) {
      for (Object p : many) {
        if (anyPrefix(s, p, start)) {
          return true;
        }
      }
      return false;
    }
    String p = String.valueOf(prefixes);
    return start ? s.startsWith(p) : s.endsWith(p);
  }

  /** str.split(sep, maxsplit): literal separators, and runs of white space when sep is None. */
  static List<String> split(String s, String sep, int maxSplit) {
    List<String> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      while (i < s.length()) {
        while (i < s.length() && PythonStrings.isSpace(s.charAt(i))) {
          i++;
        }
        if (i == s.length()) {
          break;
        }
        if (maxSplit >= 0 && out.size() == maxSplit) {
          out.add(strip(s.substring(i), null, false, true));
          return out;
        }
        int j = i;
        while (j < s.length() && !PythonStrings.isSpace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int from = 0;
    for (int at = s.indexOf(sep); at >= 0 && (maxSplit < 0 || out.size() < maxSplit); at = s.indexOf(sep, from)) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean previousCased = false;
    for (char c : s.toCharArray()) {
      out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      previousCased = Character.isLetter(c);
    }
    return out.toString();
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1L;
    }
    long n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static String join(String sep, Object items) {
    List<String> parts = new ArrayList<>();
    if (items instanceof Iterable<?> many) {
      many.forEach(item -> parts.add(String.valueOf(item)));
    }
    return String.join(sep, parts);
  }
}
