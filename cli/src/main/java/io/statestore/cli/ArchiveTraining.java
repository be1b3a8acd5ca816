package io.statestore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run the build makes to record which classes the command loads, for the class-data-sharing
 * archive the launcher uses ({@code java -XX:ArchiveClassesAtExit=lib/statestore.jsa ...
 * ArchiveTraining}): the plain verbs on a temporary file store and on a temporary embedded H2
 * database, then the temporary directory is removed. It touches no other store.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  /**
   * Runs the verbs; exits with status 1 when one of them fails.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("statestore-archive-");
    try {
      String file = dir.resolve("files").toUri().toString();
      String h2 = "systemdb:jdbc:h2:file:" + dir.resolve("h2").resolve("db");
      for (String store : List.of(file, h2)) {
        train(store);
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void train(String store) {
    String doc =
        "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key\":"
            + " \"updated_at\", \"replication_key_value\": \"2024-08-01T10:00:00Z\"}}}},"
            + " \"partial\": {}}";
    String meltano = "{\"singer_state\": {\"bookmarks\": {\"orders\": {\"id\": 42}}}}";
    run("", "set", "-s", store, "dev:a", doc);
    run("", "set", "-s", store, "dev:a", doc, "--force");
    run("", "merge", "-s", store, "dev:a", meltano);
    run("", "get", "-s", store, "dev:a");
    run("", "get", "-s", store, "dev:a", "--format", "pretty");
    run("", "list", "-s", store, "-l", "--pattern", "dev:*");
    run("", "locks", "-s", store);
    run("", "copy", "-s", store, "dev:a", "dev:b", "--force");
    run("", "move", "-s", store, "dev:b", "dev:c", "--force");
    String export = run("", "export", "-s", store);
    run(export, "import", "-s", store);
    run("", "clear", "-s", store, "dev:c", "--force");
    run("", "info", "-s", store);
  }

  private static String run(String stdin, String... args) {
    CapturedIo io = new CapturedIo(stdin, false);
    int status = StatestoreCommand.run(args, io.io());
    if (status != ExitCodes.OK) {
      throw new IllegalStateException(
          "statestore " + String.join(" ", args) + " exited with " + status + ": " + io.err());
    }
    return io.out();
  }
}
