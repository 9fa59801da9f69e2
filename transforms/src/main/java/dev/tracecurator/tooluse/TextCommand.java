package dev.tracecurator.tooluse;

/** A call a text-only harness wrote in a turn: the tool (or command word) it names, and the command it runs. */
public record TextCommand(String name, String command) {}
