package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verbs of {@code meltano state} on files Meltano wrote: {@code get} (merged, pretty, raw),
 * {@code copy}/{@code move}/{@code merge} between two ids, {@code clear --all}.
 */
class MeltanoStateVerbsTest {
  /** A state.json as Meltano's filesystem backend writes it (json.dumps of completed/partial). */
  static final String WITH_PARTIAL =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"updated_at\":"
          + " \"2024-01-01T00:00:00+00:00\"}}}}, \"partial\": {\"singer_state\": {\"bookmarks\":"
          + " {\"orders\": {\"id\": 42, \"ratio\": 1.5e-07}, \"users\": {\"name\":"
          + " \"Jos\\u00e9\"}}}}}";

  /** What Meltano's {@code state get} prints for it: partial merged onto completed, compact. */
  static final String MERGED_COMPACT =
      "{\"singer_state\":{\"bookmarks\":{\"users\":{\"updated_at\":\"2024-01-01T00:00:00+00:00\","
          + "\"name\":\"Jos\\u00e9\"},\"orders\":{\"id\":42,\"ratio\":1.5e-07}}}}";

  static final String COMPLETE_ONLY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"b\": {\"v\": 1}}}}, \"partial\": {}}";

  @TempDir Path dir;

  private Path files() {
    return dir.resolve("files");
  }

  private String uri() {
    return Stores.file(files());
  }

  private String nl() {
    return System.lineSeparator();
  }

  @Test
  void getPrintsTheMergedStateAsMeltanoDoes() throws Exception {
    Stores.writeStateFile(files(), "dev:tap-a-to-target-b", WITH_PARTIAL);
    CliRun json = run("get", "-s", uri(), "dev:tap-a-to-target-b");
    assertEquals(0, json.status(), json.toString());
    assertEquals(MERGED_COMPACT + nl(), json.out());
    CliRun explicit = run("get", "-s", uri(), "--format", "json", "dev:tap-a-to-target-b");
    assertEquals(json.out(), explicit.out(), explicit.toString());

    CliRun pretty = run("get", "-s", uri(), "--format", "pretty", "dev:tap-a-to-target-b");
    assertEquals(0, pretty.status(), pretty.toString());
    String expected =
        String.join(
            "\n",
            "{",
            "  \"singer_state\": {",
            "    \"bookmarks\": {",
            "      \"users\": {",
            "        \"updated_at\": \"2024-01-01T00:00:00+00:00\",",
            "        \"name\": \"Jos\\u00e9\"",
            "      },",
            "      \"orders\": {",
            "        \"id\": 42,",
            "        \"ratio\": 1.5e-07",
            "      }",
            "    }",
            "  }",
            "}");
    assertEquals(expected + nl(), pretty.out());

    CliRun raw = run("get", "-s", uri(), "--raw", "dev:tap-a-to-target-b");
    assertEquals(WITH_PARTIAL + nl(), raw.out(), raw.toString());
  }

  @Test
  void aDamagedStateIsShownRawAndNamedWhenMerged() throws Exception {
    Stores.writeStateFile(files(), "good", COMPLETE_ONLY);
    String torn = "{\"completed\": {\"singer_state\": {\"bookm";
    Stores.writeStateFile(files(), "bad", torn);
    CliRun raw = run("get", "-s", uri(), "--raw", "bad");
    assertEquals(0, raw.status(), raw.toString());
    assertEquals(torn + nl(), raw.out());
    assertTrue(raw.err().contains("warning: ") && raw.err().contains("'bad'"), raw.toString());
    assertFalse(raw.err().toLowerCase().contains("in place"), raw.toString());

    CliRun merged = run("get", "-s", uri(), "bad");
    assertEquals(ExitCodes.USER_ERROR, merged.status(), merged.toString());
    assertTrue(merged.err().contains("get --raw bad"), merged.toString());
    assertEquals(List.of("bad", "good"), run("list", "-s", uri()).out().lines().toList());
  }

  @Test
  void copyBetweenTwoIdsSetsTheMergedSourceAsCompletedState() throws Exception {
    Stores.writeStateFile(files(), "src", WITH_PARTIAL);
    Stores.writeStateFile(files(), "dst", COMPLETE_ONLY);
    CliRun r = run("copy", "-s", uri(), "src", "dst", "--force");
    assertEquals(0, r.status(), r.toString());
    String merged = StateJson.plain(StateJson.parse(MERGED_COMPACT, "merged"));
    assertEquals(
        "{\"completed\": " + merged + ", \"partial\": {}}",
        new String(Stores.fileBytes(files(), "dst"), StandardCharsets.UTF_8));
    assertEquals(WITH_PARTIAL, Files.readString(files().resolve("src/state.json")));

    CliRun missing = run("copy", "-s", uri(), "nope", "dst", "--force");
    assertEquals(ExitCodes.USER_ERROR, missing.status(), missing.toString());
    assertTrue(missing.err().contains("'nope'"), missing.toString());
  }

  @Test
  void moveSetsTheTargetAndClearsTheSource() throws Exception {
    Stores.writeStateFile(files(), "src", WITH_PARTIAL);
    CliRun r = run("move", "-s", uri(), "src", "dst", "--force");
    assertEquals(0, r.status(), r.toString());
    assertEquals(List.of("dst"), List.copyOf(Stores.all(uri()).keySet()));
    assertEquals(MERGED_COMPACT + nl(), run("get", "-s", uri(), "dst").out(), "merged state moved");
  }

  @Test
  void mergeAddsBookmarksAsPartialState() throws Exception {
    Stores.writeStateFile(files(), "dst", COMPLETE_ONLY);
    String add = "{\"singer_state\": {\"bookmarks\": {\"c\": {\"v\": 3}}}}";
    CliRun r = run("merge", "-s", uri(), "dst", add);
    assertEquals(0, r.status(), r.toString());
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"b\": {\"v\": 1}}}}, \"partial\":"
            + " {\"singer_state\": {\"bookmarks\": {\"c\": {\"v\": 3}}}}}",
        Stores.all(uri()).get("dst"));

    Stores.writeStateFile(files(), "other", WITH_PARTIAL);
    CliRun from = run("merge", "-s", uri(), "dst", "--from-state-id", "other");
    assertEquals(0, from.status(), from.toString());
    assertEquals(
        "{\"singer_state\":{\"bookmarks\":{\"b\":{\"v\":1},\"c\":{\"v\":3},\"users\":"
            + "{\"updated_at\":\"2024-01-01T00:00:00+00:00\",\"name\":\"Jos\\u00e9\"},"
            + "\"orders\":{\"id\":42,\"ratio\":1.5e-07}}}}"
            + nl(),
        run("get", "-s", uri(), "dst").out());

    Path f = Files.writeString(dir.resolve("add.json"), "{\"bookmarks\": {}}");
    CliRun invalid = run("merge", "-s", uri(), "dst", "--input-file", f.toString());
    assertEquals(ExitCodes.USER_ERROR, invalid.status(), invalid.toString());
    assertTrue(invalid.err().contains("singer_state"), invalid.toString());

    CliRun both = run("merge", "-s", uri(), "dst", add, "--from-state-id", "other");
    assertEquals(ExitCodes.USER_ERROR, both.status(), both.toString());
    assertTrue(both.err().contains("exactly one of"), both.toString());
  }

  @Test
  void clearAllClearsEveryStateAndCountsThem() throws Exception {
    Stores.insertAll(uri(), Map.of("a", COMPLETE_ONLY, "b", COMPLETE_ONLY, "c", COMPLETE_ONLY));
    CliRun usage = run("clear", "-s", uri(), "a", "--all", "--force");
    assertEquals(ExitCodes.USER_ERROR, usage.status(), usage.toString());
    assertTrue(usage.err().contains("not both"), usage.toString());
    assertEquals(ExitCodes.USER_ERROR, run("clear", "-s", uri(), "--force").status());
    assertEquals(3, Stores.all(uri()).size());

    CliRun all = run("clear", "-s", uri(), "--all", "--force");
    assertEquals(0, all.status(), all.toString());
    assertTrue(all.out().contains("3 state(s) were successfully cleared"), all.toString());
    assertTrue(Stores.all(uri()).isEmpty());
  }
}
