package dev.tracecurator.sft;

import java.util.Locale;

/** The row shape of SFT output, named for the trainers that load it. */
public enum SftFormat {
  /** OpenAI / TRL: {@code messages} with tool calls and tool results, {@code tools} schemas, and the rendered {@code text}. */
  MESSAGES,
  /** LLaMA-Factory's sharegpt: {@code conversations} of human / gpt / function_call / observation turns, {@code system}, {@code tools}. */
  SHAREGPT,
  /** The chat template's rendering only: {@code text}. */
  TEXT;

  public static SftFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--sftFormat must be messages, sharegpt or text, got '" + name + "'", e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
