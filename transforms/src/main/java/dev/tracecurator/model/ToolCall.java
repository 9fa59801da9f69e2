package dev.tracecurator.model;

/**
 * One structured (OpenAI-style) tool call of an assistant message.
 *
 * @param id the call id; synthesised when the source has none, so responses can be paired
 * @param type the call type, normally {@code function}
 * @param name the function name, null when the source gives none
 * @param arguments the arguments as a JSON string, as OpenAI's wire format carries them
 */
public record ToolCall(String id, String type, String name, String arguments) {}
