package dev.tracecurator.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text by the formats their issuers give them (the rules follow gitleaks'
 * for the same providers) and, for generic assignments and bearer tokens, by a keyword and the
 * value's entropy. Each rule runs only when its trigger substring occurs, so an ordinary text costs
 * a few linear scans; every pattern is bounded, so no input makes a rule backtrack without end.
 */
public final class SecretScanner {
  /**
   * Bits per character above which an assigned value looks random rather than a word: a random
   * 16-character key has about 3.8, {@code password123} 3.3, {@code changeme2024} 3.1.
   */
  static final double MIN_ENTROPY = 3.5;
  static final int MIN_GENERIC_LENGTH = 8;

  private record Rule(SecretKind kind, String[] triggers, boolean caseInsensitiveTrigger, Pattern pattern, int group, boolean entropy) {}

  private static final List<Rule> RULES = List.of(
      new Rule(SecretKind.PRIVATE_KEY, new String[] {"-----BEGIN"}, false, Pattern.compile(
          "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{16,20000}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"),
          0, false),
      new Rule(SecretKind.AWS_ACCESS_KEY_ID, new String[] {"AKIA", "ASIA", "ABIA", "ACCA"}, false, Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b"), 1, false),
      new Rule(SecretKind.AWS_SECRET_ACCESS_KEY, new String[] {"secret"}, true, Pattern.compile(
          "(?i)aws_?secret(?:_access)?_?key[\"']?\\s{0,5}[:=]\\s{0,5}[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1, false),
      new Rule(SecretKind.GITHUB_TOKEN, new String[] {"gh"}, false, Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255})\\b"), 1, false),
      new Rule(SecretKind.GITHUB_TOKEN, new String[] {"github_pat_"}, false, Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{82})\\b"), 1, false),
      new Rule(SecretKind.GITLAB_TOKEN, new String[] {"glpat-"}, false, Pattern.compile("\\b(glpat-[A-Za-z0-9_\\-]{20,64})(?![A-Za-z0-9_\\-])"), 1, false),
      new Rule(SecretKind.SLACK_TOKEN, new String[] {"xox"}, false, Pattern.compile("\\b(xox[baprs]-[0-9A-Za-z\\-]{10,250})(?![0-9A-Za-z\\-])"), 1, false),
      new Rule(SecretKind.SLACK_TOKEN, new String[] {"xapp-"}, false, Pattern.compile("\\b(xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{40,80})\\b"),
          1, false),
      new Rule(SecretKind.ANTHROPIC_API_KEY, new String[] {"sk-ant-"}, false, Pattern.compile(
          "\\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_\\-]{80,120})(?![A-Za-z0-9_\\-])"), 1, false),
      new Rule(SecretKind.OPENAI_API_KEY, new String[] {"sk-"}, false, Pattern.compile(
          "\\b(sk-(?:proj-|svcacct-|admin-)?(?!ant-)[A-Za-z0-9_\\-]{20,200}T3BlbkFJ[A-Za-z0-9_\\-]{20,200}|sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_\\-])"),
          1, false),
      new Rule(SecretKind.HUGGINGFACE_TOKEN, new String[] {"hf_"}, false, Pattern.compile("\\b(hf_[A-Za-z]{34})\\b"), 1, false),
      new Rule(SecretKind.BEARER_TOKEN, new String[] {"bearer"}, true, Pattern.compile(
          "(?i)\\bbearer\\s{1,5}([A-Za-z0-9_\\-.~+/=]{16,500})(?![A-Za-z0-9_\\-.~+/=])"), 1, true),
      new Rule(SecretKind.PASSWORD_ASSIGNMENT, new String[] {"passw", "pwd", "secret", "api_key", "apikey", "token"}, true, Pattern.compile(
          "(?i)(?:passw(?:or)?d|pwd|secret|api_?key|access_?token|auth_?token|token)[\"']?\\s{0,5}(?:=|:|:=)\\s{0,5}"
              + "(?:\"([^\"\\s$<>{}]{8,200})\"|'([^'\\s$<>{}]{8,200})'|([^\\s\"'$<>{},;()]{8,200}))"), -1, true));

  private SecretScanner() {}

  public static List<SecretMatch> find(String text) {
    List<SecretMatch> found = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return found;
    }
    String lower = null;
    for (Rule rule : RULES) {
      if (rule.caseInsensitiveTrigger() && lower == null) {
        lower = text.toLowerCase(Locale.ROOT);
      }
      if (!containsAny(rule.caseInsensitiveTrigger() ? lower : text, rule.triggers())) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        int group = rule.group() >= 0 ? rule.group() : firstGroup(m);
        String value = m.group(group);
        if (rule.entropy() ? !looksRandom(value) : isPlaceholder(value)) {
          continue;
        }
        found.add(new SecretMatch(rule.kind(), m.start(group), m.end(group)));
      }
    }
    return nonOverlapping(found);
  }

  public static Redaction redact(String text) {
    List<SecretMatch> matches = find(text);
    if (matches.isEmpty()) {
      return new Redaction(text, Map.of());
    }
    Map<SecretKind, Integer> counts = new EnumMap<>(SecretKind.class);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (SecretMatch match : matches) {
      out.append(text, at, match.start()).append(match.kind().placeholder());
      at = match.end();
      counts.merge(match.kind(), 1, Integer::sum);
    }
    out.append(text, at, text.length());
    return new Redaction(out.toString(), counts);
  }

  /** A value that is not a word, a placeholder or a repeated character: enough distinct symbols, no run of one. */
  static boolean looksRandom(String value) {
    if (value.length() < MIN_GENERIC_LENGTH || value.matches("(?i).*(?:x{4,}|\\*{3,}|\\.{3}|your|example|placeholder|changeme).*")) {
      return false;
    }
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      digit |= Character.isDigit(c);
      letter |= Character.isLetter(c);
    }
    return digit && letter && entropy(value) >= MIN_ENTROPY;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("(.)\\1{5,}|EXAMPLE|(?i:xxxx)");

  /** Documentation's stand-ins in a real key's format: AKIAXXXXXXXXXXXXXXXX, AWS's own …EXAMPLE key. */
  static boolean isPlaceholder(String value) {
    return PLACEHOLDER.matcher(value).find();
  }

  static double entropy(String value) {
    Map<Character, Integer> counts = new java.util.HashMap<>();
    for (int i = 0; i < value.length(); i++) {
      counts.merge(value.charAt(i), 1, Integer::sum);
    }
    double bits = 0;
    for (int count : counts.values()) {
      double p = (double) count / value.length();
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }

  private static boolean containsAny(String text, String[] needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static int firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return g;
      }
    }
    return 0;
  }

  /**
   * Sorted by start, none overlapping: a match by an issuer's format wins over a generic one
   * (x-access-token:ghp_… is a GitHub token, not a password), then the earlier, then the longer.
   */
  private static List<SecretMatch> nonOverlapping(List<SecretMatch> found) {
    found.sort(Comparator.comparing((SecretMatch m) -> isGeneric(m.kind()))
        .thenComparingInt(SecretMatch::start)
        .thenComparing(Comparator.comparingInt(SecretMatch::end).reversed()));
    List<SecretMatch> out = new ArrayList<>();
    for (SecretMatch match : found) {
      if (out.stream().noneMatch(kept -> match.start() < kept.end() && kept.start() < match.end())) {
        out.add(match);
      }
    }
    out.sort(Comparator.comparingInt(SecretMatch::start));
    return out;
  }

  private static boolean isGeneric(SecretKind kind) {
    return kind == SecretKind.PASSWORD_ASSIGNMENT || kind == SecretKind.BEARER_TOKEN;
  }
}
