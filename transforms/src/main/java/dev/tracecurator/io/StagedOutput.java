package dev.tracecurator.io;

import org.apache.beam.sdk.values.PCollection;

/**
 * One writer's files, written under temporary names, and how to put them in place; {@link
 * PlaceFiles#together} places the outputs of a whole job in one step.
 */
public record StagedOutput(PCollection<WrittenFile> written, FilePlacement placement) {}
