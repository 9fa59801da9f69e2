package dev.tracecurator.tooluse;

import dev.tracecurator.model.Message;
import java.util.List;
import java.util.Map;

/**
 * The tool use found in one trajectory.
 *
 * @param counts calls per tool name, each call counted once, in order of first use
 * @param totalCalls the number of calls, named or not
 * @param messages the trajectory's messages with every structured call carrying an id and every
 *     tool response carrying the id and name of the call it answers, where that can be told
 */
public record ToolUse(Map<String, Integer> counts, int totalCalls, List<Message> messages) {}
