package dev.tracecurator.secrets;

/** A credential's value in a text: chars {@code [start, end)}. */
public record SecretMatch(SecretKind kind, int start, int end) {}
