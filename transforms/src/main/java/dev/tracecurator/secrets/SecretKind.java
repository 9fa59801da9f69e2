package dev.tracecurator.secrets;

import java.util.Locale;

/** The kinds of credential found in trajectories; {@link #label()} names them in outputs. */
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

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String placeholder() {
    return "[REDACTED:" + label() + "]";
  }
}
