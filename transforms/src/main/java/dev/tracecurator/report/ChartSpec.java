package dev.tracecurator.report;

/** One chart of the report: its file name, title and the caption under it. */
public record ChartSpec(String file, String title, String caption) {}
