package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} and {@code import} in the format of {@code meltano state export}, round-tripping
 * Meltano's files and exports byte for byte between stores.
 */
class ExportImportTest {
  /**
   * What {@code meltano state export} prints (json.dumps with separators (",", ":") of {state_id:
   * {"completed": ..., "partial": ...}}), ids in order: non-ASCII escaped, floats as Python's repr.
   */
  static final String MELTANO_EXPORT =
      "{\"dev:tap-a-to-target-b\":{\"completed\":{\"singer_state\":{\"bookmarks\":{\"users\":"
          + "{\"replication_key\":\"updated_at\",\"replication_key_value\":"
          + "\"2024-05-01T10:00:00+00:00\"}},\"currently_syncing\":null}},\"partial\":{}},"
          + "\"dev:tap-c-to-target-d\":{\"completed\":{},\"partial\":{\"singer_state\":"
          + "{\"bookmarks\":{\"caf\\u00e9\":{\"v\":[1,2.5,-3e-05,true,false,\"\\ud83d\\ude00\"]}}}}},"
          + "\"prod:tap-a-to-target-b\":{\"completed\":{\"singer_state\":{\"bookmarks\":{}}},"
          + "\"partial\":{\"singer_state\":{\"bookmarks\":{\"x\":{\"n\":12345678901234567890}}}}}}";

  /** The state.json Meltano's filesystem backend writes for each (json.dumps of to_dict()). */
  static final Map<String, String> MELTANO_FILES =
      Map.of(
          "dev:tap-a-to-target-b",
          "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key\":"
              + " \"updated_at\", \"replication_key_value\": \"2024-05-01T10:00:00+00:00\"}},"
              + " \"currently_syncing\": null}}, \"partial\": {}}",
          "dev:tap-c-to-target-d",
          "{\"completed\": {}, \"partial\": {\"singer_state\": {\"bookmarks\": {\"caf\\u00e9\":"
              + " {\"v\": [1, 2.5, -3e-05, true, false, \"\\ud83d\\ude00\"]}}}}}",
          "prod:tap-a-to-target-b",
          "{\"completed\": {\"singer_state\": {\"bookmarks\": {}}}, \"partial\": {\"singer_state\":"
              + " {\"bookmarks\": {\"x\": {\"n\": 12345678901234567890}}}}}");

  @TempDir Path dir;

  @Test
  void meltanosExportImportsIntoMeltanosFilesAndExportsBackByteForByte() throws Exception {
    Path files = dir.resolve("files");
    Path input = Files.writeString(dir.resolve("export.json"), MELTANO_EXPORT + "\n");
    CliRun imported = run("import", "-s", Stores.file(files), input.toString());
    assertEquals(0, imported.status(), imported.toString());
    assertTrue(imported.out().contains("Successfully imported 3 state(s)."), imported.toString());
    for (Map.Entry<String, String> e : MELTANO_FILES.entrySet()) {
      assertArrayEquals(
          e.getValue().getBytes(StandardCharsets.US_ASCII),
          Stores.fileBytes(files, e.getKey()),
          e.getKey());
    }
    CliRun exported = run("export", "-s", Stores.file(files));
    assertEquals(0, exported.status(), exported.toString());
    assertEquals(MELTANO_EXPORT + System.lineSeparator(), exported.out());
  }

  @Test
  void meltanosFilesRoundTripThroughAnotherStoreByteForByte() throws Exception {
    Path files = dir.resolve("files");
    MELTANO_FILES.forEach(
        (id, body) -> {
          try {
            Stores.writeStateFile(files, id, body);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    CliRun fromFiles = run("export", "-s", Stores.file(files));
    assertEquals(0, fromFiles.status(), fromFiles.toString());
    assertEquals(MELTANO_EXPORT + System.lineSeparator(), fromFiles.out());

    String h2 = Stores.h2(dir.resolve("h2"));
    CliRun intoH2 = run(fromFiles.out(), false, "import", "-s", h2);
    assertEquals(0, intoH2.status(), intoH2.toString());
    CliRun fromH2 = run("export", "-s", h2);
    assertEquals(fromFiles.out(), fromH2.out(), fromH2.toString());

    Path copy = dir.resolve("copy");
    CliRun intoFiles = run(fromH2.out(), false, "import", "-s", Stores.file(copy), "-");
    assertEquals(0, intoFiles.status(), intoFiles.toString());
    for (String id : MELTANO_FILES.keySet()) {
      assertArrayEquals(Stores.fileBytes(files, id), Stores.fileBytes(copy, id), id);
    }
  }

  @Test
  void importReplacesExistingStatesAndRefusesInputThatIsNotAnExport() throws Exception {
    String uri = Stores.file(dir.resolve("files"));
    Stores.insert(uri, "a", "{\"completed\": {\"old\": 1}, \"partial\": {\"p\": 2}}");
    CliRun r =
        run("{\"a\":{\"completed\":{\"new\":1},\"partial\":{}}}", false, "import", "-s", uri);
    assertEquals(0, r.status(), r.toString());
    assertEquals(
        "{\"completed\": {\"new\": 1}, \"partial\": {}}", Stores.all(uri).get("a"), r.toString());

    for (String bad :
        List.of("[1]", "{\"b\": 1}", "{\"b\": {\"completed\": {}, \"extra\": {}}}", "{\"b\": ")) {
      CliRun refused = run(bad, false, "import", "-s", uri);
      assertEquals(ExitCodes.USER_ERROR, refused.status(), bad + " " + refused);
      assertEquals(List.of("a"), List.copyOf(Stores.all(uri).keySet()), bad);
    }
  }

  @Test
  void exportListsADamagedStateAndExitsTwo() throws Exception {
    Path files = dir.resolve("files");
    Stores.writeStateFile(files, "a", MELTANO_FILES.get("dev:tap-a-to-target-b"));
    Stores.writeStateFile(files, "b", "{\"completed\": {\"sin");
    CliRun r = run("export", "-s", Stores.file(files));
    assertEquals(ExitCodes.PARTIAL, r.status(), r.toString());
    assertTrue(r.out().startsWith("{\"a\":{\"completed\":"), r.toString());
    assertTrue(r.err().contains("failed b"), r.toString());
  }
}
