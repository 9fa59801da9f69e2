package dev.tracecurator.normalize;

/** What a one-trajectory file's name says. */
final class FileNames {
  private FileNames() {}

  /** The instance id a one-trajectory file is named after: pydicom__pydicom-1458.traj → pydicom__pydicom-1458. */
  static String instanceOf(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    for (String suffix : new String[] {".traj.json", ".traj", ".json"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
