package dev.tracecurator.normalize;

/** How a format writes one message, before the common normalisation reads it. */
public enum MessageShape {
  /** OpenAI-style {@code {role, content, tool_calls, tool_call_id, name}}. */
  OPENAI,
  /** SWE-agent history: OpenAI-style plus {@code action}, {@code thought}, {@code message_type}, list {@code tool_call_ids}. */
  SWE_AGENT_HISTORY,
  /** nebius: role {@code ai}, the text under {@code text}. */
  ROLE_AI_TEXT,
  /** ShareGPT: {@code {from, value}} turns, {@code function_call} and {@code observation} turns. */
  SHAREGPT,
  /** OpenHands' event history (V0 actions and observations, V1 SDK events, old CodeAct events). */
  OPENHANDS_EVENTS
}
