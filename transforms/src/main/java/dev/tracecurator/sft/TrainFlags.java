package dev.tracecurator.sft;

import dev.tracecurator.model.Message;

/**
 * Which messages a trainer computes loss on. Only assistant turns (text, reasoning, tool calls)
 * are the model's own output; system prompts, user messages and tool results are context it is
 * given, so they are masked. This is the split LLaMA-Factory's ShareGPT loader makes (gpt and
 * function_call learnt, human and observation not) and TRL's assistant-only loss.
 */
public final class TrainFlags {
  private TrainFlags() {}

  public static boolean train(Message message) {
    return message.hasRole("assistant");
  }
}
