package dev.tracecurator.pipelines.generate;

import java.util.List;

/**
 * What trajectories in one language look like: repositories, file names, how tests run, and the
 * shape of a source line and of a failure.
 *
 * @param name the language as the dataset labels it
 * @param repos repositories ("owner/name|LICENSE")
 * @param directories source folders
 * @param extensions file extensions, most common first
 * @param testCommand the command an agent runs to test
 * @param lineTemplates source lines, {0}/{1} replaced by identifiers
 * @param failure a failing test or compiler message, {0} an identifier
 * @param increment an added line that starts with "++" or a deleted one with "--" in this language
 */
record LanguageProfile(
    String name,
    List<String> repos,
    List<String> directories,
    List<String> extensions,
    String testCommand,
    List<String> lineTemplates,
    String failure,
    String increment) {}
