package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE64 = ALNUM + "+/";

  private static String random(Random random, String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void nullAndEmptyFindNothing() {
    assertEquals(List.of(), SecretScanner.find(null));
    assertEquals(List.of(), SecretScanner.find(""));
    assertEquals("", SecretScanner.redact(null).text());
    assertFalse(SecretScanner.redact("").found());
  }

  @Test
  void labelsAndPlaceholders() {
    assertEquals("github_token", SecretKind.GITHUB_TOKEN.label());
    assertEquals("[REDACTED:github_token]", SecretKind.GITHUB_TOKEN.placeholder());
    assertEquals("aws_secret_access_key", SecretKind.AWS_SECRET_ACCESS_KEY.label());
    assertEquals("[REDACTED:password_assignment]", SecretKind.PASSWORD_ASSIGNMENT.placeholder());
  }

  @Test
  void recordsRejectBadValues() {
    assertThrows(IllegalArgumentException.class, () -> new SecretMatch(SecretKind.PRIVATE_KEY, 5, 5));
    assertThrows(NullPointerException.class, () -> new SecretMatch(null, 0, 1));
    Redaction none = new Redaction("x", Map.of());
    assertFalse(none.found());
    assertThrows(UnsupportedOperationException.class,
        () -> new Redaction("x", Map.of(SecretKind.BEARER_TOKEN, 1)).counts().put(SecretKind.PRIVATE_KEY, 1));
  }

  @Test
  void countsTheSameKindThreeTimes() {
    Random random = new Random(7);
    String a = "ghp_" + random(random, ALNUM, 36);
    String b = "gho_" + random(random, ALNUM, 36);
    String c = "ghs_" + random(random, ALNUM, 36);
    String text = "GH_TOKEN=" + a + "\n{\"token\": \"" + b + "\"}\nuse " + c + " once\n";

    Redaction r = SecretScanner.redact(text);

    assertEquals(Map.of(SecretKind.GITHUB_TOKEN, 3), r.counts());
    assertEquals("GH_TOKEN=[REDACTED:github_token]\n{\"token\": \"[REDACTED:github_token]\"}\n"
        + "use [REDACTED:github_token] once\n", r.text());
  }

  @Test
  void providerKindWinsOverGenericReadingsOfTheSameValue() {
    String token = "ghp_" + random(new Random(3), ALNUM, 36);
    List<SecretMatch> matches =
        SecretScanner.find("export GITHUB_TOKEN=" + token + "\nAuthorization: Bearer " + token);
    assertEquals(List.of(SecretKind.GITHUB_TOKEN, SecretKind.GITHUB_TOKEN),
        matches.stream().map(SecretMatch::kind).toList());
  }

  @Test
  void redactsOnlyTheValueNotTheName() {
    String value = random(new Random(11), ALNUM, 24);
    Redaction r = SecretScanner.redact("password: \"" + value + "\"");
    assertEquals("password: \"[REDACTED:password_assignment]\"", r.text());
  }

  @Test
  void matchesAreSortedAndNonOverlappingAcrossTheWholeCorpus() throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder all = new StringBuilder();
    List<String> expectedKinds = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/secrets/corpus.jsonl"))) {
      JsonNode row = json.readTree(line);
      all.append(row.get("text").asText()).append("\n\n");
      row.get("kinds").forEach(k -> expectedKinds.add(k.asText()));
    }

    List<SecretMatch> matches = SecretScanner.find(all.toString());

    for (int i = 1; i < matches.size(); i++) {
      SecretMatch prev = matches.get(i - 1);
      SecretMatch next = matches.get(i);
      assertTrue(prev.end() <= next.start(), prev + " then " + next);
    }
    assertEquals(expectedKinds, matches.stream().map(m -> m.kind().label()).toList());
  }

  @Test
  void fiveMegabytesOfOrdinaryCodeHaveNoSecrets() {
    String text = ordinaryCode(5_000_000);
    assertEquals(List.of(), SecretScanner.find(text));
    assertSame(text, SecretScanner.redact(text).text());
  }

  @Test
  void passwordFollowedByAMillionCharactersIsNotACredential() {
    Random random = new Random(1);
    // Longer than any credential value we accept (AssignmentDetector.MAX_VALUE): data, not a key.
    assertEquals(List.of(), SecretScanner.find("password=" + random(random, ALNUM, 1_000_000)));
    assertEquals(List.of(), SecretScanner.find("password=" + "a".repeat(1_000_000)));
    assertEquals(List.of(), SecretScanner.find("\"token\": \"" + random(random, ALNUM, 1_000_000)));
  }

  @Test
  void privateKeyHeaderWithoutEnd() {
    String header = "-----BEGIN RSA PRIVATE KEY-----\n";
    // Filler after a header is not key material.
    assertEquals(List.of(), SecretScanner.find(header + "A".repeat(1_000_000)));
    // A million base64 characters and no END: a cut-off key, redacted to its last character.
    String body = random(new Random(2), BASE64, 1_000_000);
    String text = header + body + "\n[output truncated]";
    List<SecretMatch> matches = SecretScanner.find(text);
    assertEquals(List.of(new SecretMatch(SecretKind.PRIVATE_KEY, 0, header.length() + body.length())),
        matches);
  }

  @Test
  void repeatedTriggersFinish() {
    List<String> patterns = List.of("password", "token=", "token:\"", "passwordpassword=x ",
        "Bearer ", "bearer abcdefghijklmnop ", "-----BEGIN RSA PRIVATE KEY-----\n", "-----BEGIN ",
        "://", "://a:b", "ghp_", "sk-", "sk-ant-api03-", "xoxb-1", "AKIA", "hf_", "gl", "key=key=",
        "\\\\\\\\", "=\"", "api_key: '");
    for (String p : patterns) {
      String text = p.repeat(1_000_000 / p.length() + 1);
      List<SecretMatch> matches = SecretScanner.find(text);
      assertTrue(matches.size() <= 1, p + " gave " + matches.size());
    }
  }

  /** Code, logs and data of the kinds trajectories carry, with many near-miss triggers. */
  private static String ordinaryCode(int length) {
    Random random = new Random(42);
    String hex = "0123456789abcdef";
    StringBuilder sb = new StringBuilder(length + 10_000);
    while (sb.length() < length) {
      sb.append("commit ").append(random(random, hex, 40)).append("\nAuthor: Jane Dev <jane@example.com>\n\n")
          .append("    Fix token refresh when the password changes\n\n")
          .append("import os\nfrom typing import Optional\n\n")
          .append("password = os.environ[\"DB_PASSWORD\"]\napi_key = os.getenv(\"API_KEY\")\n")
          .append("def authenticate(self, token: str, password: Optional[str] = None) -> bool:\n")
          .append("    if not token:\n        raise ValueError(\"missing token\")\n")
          .append("    secret = self.secret_store.get(key)\n    return check(password, secret)\n")
          .append("request_id = \"").append(random(random, hex, 8)).append('-')
          .append(random(random, hex, 4)).append("-4").append(random(random, hex, 3)).append("-a")
          .append(random(random, hex, 3)).append('-').append(random(random, hex, 12)).append("\"\n")
          .append("MAX_TOKENS = 4096\ntokenizer.pad_token = tokenizer.eos_token\n")
          .append("headers = {\"Authorization\": f\"Bearer {self.token}\"}\n")
          .append("  File \"/usr/lib/python3.11/site-packages/requests/sessions.py\", line 589, in request\n")
          .append("KeyError: 'access_token'\n")
          .append("password=password123\ntoken = get_token()\nPWD=/testbed\n")
          .append("keys = sorted(d.keys(), key=lambda k: k.lower())\n")
          .append("pip install scikit-learn  # sk-learn\n")
          .append("diff --git a/src/auth.py b/src/auth.py\nindex ").append(random(random, hex, 7))
          .append("..").append(random(random, hex, 7)).append(" 100644\n")
          .append("![img](data:image/png;base64,").append(random(random, BASE64, 600)).append(")\n")
          .append("for i in range(10):\n    total += compute(i) * weights[i]  # accumulate the passes\n");
    }
    return sb.toString();
  }
}
