package dev.tracecurator.secrets;

import static dev.tracecurator.secrets.SecretKind.ANTHROPIC_API_KEY;
import static dev.tracecurator.secrets.SecretKind.AWS_ACCESS_KEY_ID;
import static dev.tracecurator.secrets.SecretKind.GITHUB_TOKEN;
import static dev.tracecurator.secrets.SecretKind.GITLAB_TOKEN;
import static dev.tracecurator.secrets.SecretKind.HUGGINGFACE_TOKEN;
import static dev.tracecurator.secrets.SecretKind.OPENAI_API_KEY;
import static dev.tracecurator.secrets.SecretKind.SLACK_TOKEN;

import java.util.List;

/**
 * The provider token formats, after the public gitleaks rules (aws-access-token, github-pat,
 * github-fine-grained-pat, github-oauth/app/refresh, gitlab-*, slack-*, openai-api-key,
 * anthropic-api-key/admin-api-key, huggingface-access-token/organization-api-token). Where
 * gitleaks pins an exact length we accept a bounded range instead when providers have changed
 * lengths before (GitLab routable tokens, Anthropic OAuth tokens, OpenAI project keys).
 */
final class TokenRules {
  private TokenRules() {}

  /** Any [A-Za-z0-9_-] after the token means we matched a prefix of some longer word. */
  private static final String END_WORD = "(?![A-Za-z0-9_-])";

  static final List<TokenRule> ALL = List.of(
      // Real key ids are base32 ([A-Z2-7]); accept all upper-case alphanumerics so that a key
      // retyped by hand is still caught. AWS's documented example key ends in EXAMPLE and is public.
      TokenRule.of(AWS_ACCESS_KEY_ID, List.of("AKIA", "ASIA", "ABIA", "ACCA"),
          "A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}+(?![A-Za-z0-9])",
          value -> !value.endsWith("EXAMPLE")),
      // ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh.
      TokenRule.of(GITHUB_TOKEN, List.of("gh"), "gh[pousr]_[A-Za-z0-9]{36}+" + END_WORD),
      TokenRule.of(GITHUB_TOKEN, List.of("github_pat_"), "github_pat_[A-Za-z0-9_]{82}+" + END_WORD),
      // glpat- personal (20 chars, or 27+ with a ".xx" + 7 routing suffix), and the other
      // GitLab token families that share the gl...- prefix convention.
      TokenRule.of(GITLAB_TOKEN, List.of("gl"),
          "gl(?:pat|dt|rt|ptt|oas|soat|ft|imt|agent|cbt|ffct)-[A-Za-z0-9_-]{20,300}+"
              + "(?:\\.[0-9a-z]{9}+)?+" + END_WORD),
      // xoxb- bot, xoxp- user, xoxa-/xoxr- workspace, xoxs-/xoxo- legacy, xoxe- config.
      TokenRule.of(SLACK_TOKEN, List.of("xox"), "xox[abeoprs]-[A-Za-z0-9-]{15,300}+" + END_WORD,
          TokenRules::hasDigit),
      TokenRule.of(SLACK_TOKEN, List.of("xapp-"), "xapp-[0-9]{1,3}+-[A-Za-z0-9-]{15,300}+" + END_WORD),
      TokenRule.of(SLACK_TOKEN, List.of("hooks.slack.com/"),
          "hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,200}+"
              + "(?![A-Za-z0-9+/_-])"),
      // Classic keys hide "T3BlbkFJ" (base64 of "OpenAI"); project, service-account and admin
      // keys are longer. Other providers with OpenAI-compatible APIs (DeepSeek, OpenRouter, ...)
      // also issue sk- keys; they are as secret, so any long, high-entropy sk- key counts.
      TokenRule.of(OPENAI_API_KEY, List.of("sk-"), "sk-(?!ant-)[A-Za-z0-9_-]{32,300}+" + END_WORD,
          value -> hasDigit(value) && hasLetterAfterPrefix(value)
              && (value.contains("T3BlbkFJ") || Entropy.of(value) >= 3.5)),
      // sk-ant-api03- keys, sk-ant-admin01- admin keys, sk-ant-oat01-/ort01- OAuth tokens.
      TokenRule.of(ANTHROPIC_API_KEY, List.of("sk-ant-"),
          "sk-ant-[a-z]{2,8}+[0-9]{2}+-[A-Za-z0-9_-]{32,300}+" + END_WORD),
      TokenRule.of(HUGGINGFACE_TOKEN, List.of("hf_"), "hf_[A-Za-z]{34}+(?![A-Za-z0-9_])"),
      TokenRule.of(HUGGINGFACE_TOKEN, List.of("api_org_"), "api_org_[A-Za-z]{34}+(?![A-Za-z0-9_])"));

  private static boolean hasDigit(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetterAfterPrefix(String value) {
    for (int i = 3; i < value.length(); i++) {
      if (Character.isLetter(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
