package dev.tracecurator.pipelines.generate;

import java.util.List;

/** Everything one generated trajectory row holds, before it is written in a schema. */
record GeneratedRow(
    long index,
    String instanceId,
    String repo,
    String license,
    String language,
    int resolved,
    String category,
    String trajectoryId,
    String teacherModel,
    List<String> toolNames,
    List<GeneratedTurn> turns,
    GeneratedPatch modelPatch,
    GeneratedPatch referencePatch) {}
