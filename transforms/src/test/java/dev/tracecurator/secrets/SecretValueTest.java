package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The thresholds and shapes behind PASSWORD_ASSIGNMENT and BEARER_TOKEN decisions. */
class SecretValueTest {
  @Test
  void entropyIsLog2OfDistinctCharactersForUniformStrings() {
    assertEquals(0.0, Entropy.of("aaaaaaaa"), 1e-9);
    assertEquals(3.0, Entropy.of("abcdefgh"), 1e-9);
    assertEquals(3.277, Entropy.of("password123"), 1e-3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"password123", "Password123!", "postgres", "my-app-secret-key",
      "DB_PASSWORD", "aaaaaaaaaaaa", "12345678901", "2024-06-11T12:00:00", "/home/dev/app",
      "https://example.com/x", "${DB_PASSWORD}", "$DB_PASSWORD", "<your-token>", "sk-...",
      "hf_xxx", "********", "your_password_here", "[REDACTED:bearer_token]", "Ab3$xY9"})
  void notSecrets(String value) {
    assertFalse(SecretValue.plausible(value, true), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xk9fLq2m", "a3f9c2e1b7d04a5c", "XkfLqmZpRtWbNs", "s3cr3t-P4ss-w0rd!",
      "550e8400-e29b-41d4-a716-446655440000"})
  void literalSecrets(String value) {
    assertTrue(SecretValue.plausible(value, true), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"os.environ", "settings.SECRET_KEY", "self._password", "apiKey",
      "process.env.DB_PASSWORD", "userPasswordFromConfig"})
  void unquotedReferencesAreNotSecretsButTheSameQuotedTextCanBe(String value) {
    assertFalse(SecretValue.plausible(value, false), value);
  }

  @Test
  void randomMixedCaseIsNotReadAsACamelCaseReference() {
    assertTrue(SecretValue.plausible("XkfLqmZpRtWbNs", false));
  }

  @Test
  void keywordScannerIgnoresCaseAndFindsTheFirst() {
    KeywordScanner scanner = new KeywordScanner("token", "pass");
    assertEquals(4, scanner.next("the TOKEN and pass", 0));
    assertEquals(14, scanner.next("the TOKEN and pass", 5));
    assertEquals(-1, scanner.next("nothing here", 0));
  }

  @Test
  void secretNamesAreJudgedByTheirEnding() {
    for (String yes : new String[] {"password", "DB_PASSWORD", "self.password", "clientSecret",
        "OPENAI_API_KEY", "--password", "x-api-key", "GH_TOKEN", "DB_PASS", "pass"}) {
      assertTrue(SecretName.isGeneric(yes, 0, yes.length()), yes);
    }
    for (String no : new String[] {"password_hash", "max_tokens", "tokenizer", "primary_key",
        "secret_name", "bypass", "compass", "private_key_id"}) {
      assertFalse(SecretName.isGeneric(no, 0, no.length()), no);
    }
    for (String aws : new String[] {"aws_secret_access_key", "AWS_SECRET", "SecretAccessKey",
        "aws-secret-key"}) {
      assertTrue(SecretName.isAwsSecret(aws, 0, aws.length()), aws);
    }
    assertFalse(SecretName.isAwsSecret("aws_access_key_id", 0, 17));
  }
}
