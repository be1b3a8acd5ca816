package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in a first hour: typos, errors, scripting output and help. */
class FirstHourTest {
  @TempDir Path dir;

  private static void assertOneLineError(CliRun r, String... expected) {
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertTrue(r.err().startsWith("statestore: "), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
    for (String e : expected) {
      assertTrue(r.err().contains(e), "missing '" + e + "' in:\n" + r);
    }
  }

  @Test
  void listingATypoedDirectoryFailsNamingItAndCreatesNothing() {
    Path typo = dir.resolve("no").resolve("such").resolve("dir");
    CliRun r = run("list", "-s", "file://" + typo);
    assertOneLineError(r, typo.toString(), "does not exist", "[08001]");
    assertFalse(Files.exists(dir.resolve("no")), "the read created " + dir.resolve("no"));
  }

  @Test
  void migratingFromATypoedDirectoryFailsAndCreatesNothing() {
    Path typo = dir.resolve("typo");
    Path target = dir.resolve("target");
    CliRun r = run("migrate", "file://" + typo, Stores.file(target));
    assertNotEquals(ExitCodes.OK, r.status(), r.toString());
    assertTrue(r.err().contains(typo.toString()), r.toString());
    assertFalse(r.out().contains("Copied 0"), r.toString());
    assertFalse(Files.exists(typo), r.toString());
    assertFalse(Files.exists(target), r.toString());
  }

  @Test
  void migratingFromAStoreWithNothingMatchingWarns() throws Exception {
    String src = Stores.file(dir.resolve("src"));
    Stores.insert(src, "dev:a", doc("1"));
    CliRun r = run("migrate", src, Stores.file(dir.resolve("dst")), "--pattern", "prod:*");
    assertTrue(r.err().contains("no state") && r.err().contains("prod:*"), r.toString());
  }

  @Test
  void aPastedJdbcUrlIsAcceptedAsAStoreUri() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    CliRun r = run("list", "-s", "jdbc:statestore:" + uri);
    assertEquals(0, r.status(), r.toString());
    assertEquals("dev:a\n", r.out());
    CliRun m = run("migrate", "jdbc:statestore:" + uri, "jdbc:statestore:" + Stores.file(dir));
    assertEquals(0, m.status(), m.toString());
  }

  @Test
  void installedSchemesAreListedSorted() {
    CliRun r = run("list", "-s", "nosuch://x");
    assertOneLineError(r, "installed schemes:");
    Matcher m = Pattern.compile("installed schemes: ([a-z0-9, ]+)").matcher(r.err());
    assertTrue(m.find(), r.toString());
    List<String> schemes = List.of(m.group(1).trim().split(", "));
    assertEquals(schemes.stream().sorted().toList(), schemes, r.toString());
  }

  @Test
  void invalidJsonIsReportedWithoutLibraryInternals() {
    String uri = Stores.file(dir.resolve("s"));
    CliRun r = run("set", "dev:a", "{\"completed\": x}", "-s", uri);
    assertOneLineError(r, "[22032]");
    assertFalse(r.err().contains("Source:"), r.toString());
    assertFalse(r.err().contains("StreamReadFeature"), r.toString());
  }

  @Test
  void errorsAreOneLineWithAHintAndAStackTraceOnlyWhenVerbose() {
    String uri = Stores.file(dir.resolve("s"));
    CliRun r = run("get", "dev:none", "-s", uri);
    assertOneLineError(r, "hint:");
    CliRun v = run("get", "dev:none", "-s", uri, "--verbose");
    assertEquals(ExitCodes.USER_ERROR, v.status(), v.toString());
    assertTrue(v.err().contains("\tat "), v.toString());
  }

  @Test
  void helpVerbShowsAVerbsUsage() {
    CliRun r = run("help", "list");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("Usage: statestore list"), r.toString());
  }

  @Test
  void helpTextNeverBreaksAUri() {
    for (String verb : List.of("list", "get", "sql", "migrate", "locks", "set", "export", "copy")) {
      String usage = run(verb, "--help").out();
      assertFalse(
          Pattern.compile("[a-z0-9]:\\s*\\n\\s*//").matcher(usage).find(),
          verb + " breaks a URI:\n" + usage);
    }
  }

  @Test
  void listFormats() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    Stores.insert(uri, "dev:\"b\"", doc("2"));
    CliRun json = run("list", "-s", uri, "--format", "json");
    assertEquals(0, json.status(), json.toString());
    assertTrue(
        json.out().startsWith("[{\"state_id\": \"dev:\\\"b\\\"\", \"updated_at\": \"20"),
        json.toString());
    CliRun csv = run("list", "-s", uri, "--format", "csv");
    List<String> lines = csv.out().lines().toList();
    assertEquals("state_id,updated_at", lines.get(0), csv.toString());
    assertTrue(lines.get(1).startsWith("\"dev:\"\"b\"\"\",20"), csv.toString());
    assertTrue(lines.get(2).startsWith("dev:a,20"), csv.toString());
  }

  @Test
  void getFormats() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    CliRun csv = run("get", "dev:a", "-s", uri, "--format", "csv");
    assertEquals(0, csv.status(), csv.toString());
    assertEquals(
        "state_id,state\ndev:a,\"{\"\"singer_state\"\":{\"\"bookmarks\"\":{\"\"users\"\":"
            + "{\"\"replication_key_value\"\":\"\"1\"\"}}}}\"\n",
        csv.out());
    CliRun text = run("get", "dev:a", "-s", uri, "--format", "text");
    assertEquals(0, text.status(), text.toString());
    assertTrue(text.out().contains("\n  \"singer_state\""), text.toString());
  }

  @Test
  void locksMarksStaleLocksWithTheirAge() throws Exception {
    Path store = dir.resolve("s");
    String uri = Stores.file(store);
    Stores.insert(uri, "dev:a", doc("1"));
    // Meltano's lock file: the UTC epoch seconds it was taken at, here in 2023.
    Files.writeString(store.resolve("dev:a").resolve("lock"), "1680000000", StandardCharsets.UTF_8);
    CliRun text = run("locks", "-s", uri);
    assertEquals(0, text.status(), text.toString());
    assertTrue(text.out().contains("stale"), text.toString());
    assertTrue(text.out().matches("(?s).*\\d+d.*"), text.toString());
    CliRun json = run("locks", "-s", uri, "--format", "json");
    assertTrue(json.out().contains("\"stale\": true"), json.toString());
    assertTrue(json.out().contains("\"age_seconds\": "), json.toString());
    CliRun csv = run("locks", "-s", uri, "--format", "csv");
    assertTrue(
        csv.out().startsWith("state_id,locked_at,expires_at,stale,age_seconds\n"), csv.toString());
  }

  @Test
  void verboseMigrateListsEachIdWithItsActionAndSkipsNameTheFlags() throws Exception {
    String src = Stores.file(dir.resolve("src"));
    String dst = Stores.file(dir.resolve("dst"));
    Stores.insert(src, "dev:a", doc("1"));
    Stores.insert(src, "dev:b", doc("1"));
    Stores.insert(src, "dev:c", doc("1"));
    Stores.insert(dst, "dev:b", doc("1"));
    Stores.insert(dst, "dev:c", doc("other"));
    CliRun r = run("migrate", src, dst, "--verbose");
    assertEquals(ExitCodes.OK, r.status(), r.toString());
    assertTrue(r.out().contains("copied dev:a"), r.toString());
    assertTrue(r.out().contains("unchanged dev:b"), r.toString());
    assertTrue(r.out().contains("skipped dev:c") && r.out().contains("--overwrite"), r.toString());
    CliRun o = run("migrate", src, dst, "--overwrite", "--force", "--verbose");
    assertTrue(o.out().contains("replaced dev:c"), o.toString());
  }
}
