package dev.tracecurator.dedup;

/** A band bucket's representative offered to one of its members: its row id and signature. */
public record RepresentativeOffer(String representative, int[] signature) {}
