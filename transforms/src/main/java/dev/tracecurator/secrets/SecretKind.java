package dev.tracecurator.secrets;

import java.util.Locale;

/** What a detected secret is; {@link #label()} is stable and used as a manifest/CSV key. */
public enum SecretKind {
  AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY,
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  SLACK_TOKEN,
  OPENAI_API_KEY,
  ANTHROPIC_API_KEY,
  HUGGINGFACE_TOKEN,
  PRIVATE_KEY,
  PASSWORD_ASSIGNMENT,
  BEARER_TOKEN;

  private final String label = name().toLowerCase(Locale.ROOT);
  private final String placeholder = "[REDACTED:" + label + "]";

  /** snake_case name, e.g. {@code github_token}. */
  public String label() {
    return label;
  }

  /** What replaces the secret's value in redacted text, e.g. {@code [REDACTED:github_token]}. */
  public String placeholder() {
    return placeholder;
  }
}
