package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every verb through the real entry point, on a file store and on H2. */
class CliVerbsTest {
  private static final List<String> VERBS =
      List.of(
          "list", "get", "set", "clear", "copy", "move", "merge", "edit", "export", "import",
          "migrate", "locks", "unlock", "sql");

  @TempDir Path dir;

  private String file() {
    return Stores.file(dir.resolve("files"));
  }

  private String h2() {
    return Stores.h2(dir.resolve("h2"));
  }

  private static void assertOneLineError(CliRun r, String expected) {
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertTrue(r.err().startsWith("statestore: "), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
    assertTrue(r.err().contains(expected), r.toString());
  }

  @Test
  void helpOnEveryVerb() {
    CliRun top = run("--help");
    assertEquals(0, top.status(), top.toString());
    for (String verb : VERBS) {
      assertTrue(top.out().contains(verb), verb);
      CliRun r = run(verb, "--help");
      assertEquals(0, r.status(), r.toString());
      assertTrue(r.out().contains("Usage: statestore " + verb), r.toString());
    }
    assertTrue(run("set", "--help").out().contains("fallback"));
  }

  @Test
  void usageErrorsExitWithOne() {
    assertEquals(ExitCodes.USER_ERROR, run().status());
    CliRun unknown = run("frobnicate");
    assertEquals(ExitCodes.USER_ERROR, unknown.status(), unknown.toString());
    assertTrue(unknown.err().startsWith("statestore: "), unknown.toString());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.toString());
    assertEquals(ExitCodes.USER_ERROR, run("get").status());
    assertEquals(ExitCodes.USER_ERROR, run("copy", "a").status());
    CliRun version = run("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("statestore "), version.out());
  }

  @Test
  void listGetAndPatternsOnBothStores() throws Exception {
    for (String uri : List.of(file(), h2())) {
      Map<String, String> states = new TreeMap<>();
      for (String id : List.of("dev:a", "dev:b", "prod:a", "dev%x")) {
        states.put(id, doc(id));
      }
      Stores.insertAll(uri, states);
      CliRun all = run("list", "--store", uri);
      assertEquals(0, all.status(), all.toString());
      assertEquals(
          List.of("dev%x", "dev:a", "dev:b", "prod:a"), all.out().lines().sorted().toList());
      CliRun dev = run("list", "-s", uri, "--pattern", "dev:*");
      assertEquals(List.of("dev:a", "dev:b"), dev.out().lines().toList(), uri);
      assertEquals(
          List.of("dev%x"), run("list", "-s", uri, "--pattern", "dev%?").out().lines().toList());
      assertTrue(run("list", "-s", uri, "-l", "--pattern", "prod:*").out().startsWith("prod:a\t"));

      CliRun get = run("get", "-s", uri, "dev:a");
      assertEquals(0, get.status(), get.toString());
      assertEquals(
          "{\"singer_state\":{\"bookmarks\":{\"users\":{\"replication_key_value\":\"dev:a\"}}}}"
              + System.lineSeparator(),
          get.out());
      CliRun raw = run("get", "-s", uri, "--raw", "dev:a");
      assertEquals(doc("dev:a") + System.lineSeparator(), raw.out(), raw.toString());
      assertOneLineError(run("get", "-s", uri, "nope"), "No state with state_id 'nope'");
    }
  }

  @Test
  void setCreatesAndReplacesFromFileOrStdin() throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, doc("one"), StandardCharsets.UTF_8);
    CliRun created = run("set", "-s", h2(), "x", "--input-file", f.toString());
    assertEquals(0, created.status(), created.toString());
    assertTrue(created.out().contains("Created"));
    assertEquals(doc("one"), Stores.all(h2()).get("x"));

    CliRun fromStdin = run(doc("two"), false, "set", "-s", h2(), "x", "--input-file", "-");
    assertEquals(0, fromStdin.status(), fromStdin.toString());
    assertEquals(doc("two"), Stores.all(h2()).get("x"));

    assertOneLineError(run("{not json", false, "set", "-s", h2(), "x", "-i", "-"), "[22032]");
    assertOneLineError(
        run("set", "-s", h2(), "x", "-i", dir.resolve("missing.json").toString()),
        "No such input file");
    assertEquals(doc("two"), Stores.all(h2()).get("x"));
  }

  @Test
  void setRefusesToReplaceANewerStateUnlessForced() throws Exception {
    Stores.insert(file(), "x", doc("in store"));
    Path old = dir.resolve("fallback.json");
    Files.writeString(old, doc("saved earlier"), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertOneLineError(run("set", "-s", file(), "x", "-i", old.toString()), "--force");
    assertEquals(doc("in store"), Stores.all(file()).get("x"));
    CliRun forced = run("set", "-s", file(), "x", "-i", old.toString(), "--force");
    assertEquals(0, forced.status(), forced.toString());
    assertEquals(doc("saved earlier"), Stores.all(file()).get("x"));
  }

  @Test
  void terminalUsersConfirmWrites() throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, doc("new"), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(3600)));
    Stores.insert(file(), "x", doc("old"));
    CliRun no = run("n\n", true, "set", "-s", file(), "x", "-i", f.toString());
    assertEquals(ExitCodes.USER_ERROR, no.status(), no.toString());
    assertTrue(no.out().contains("Replace the state of state_id 'x'? [y/N]"), no.toString());
    assertEquals(doc("old"), Stores.all(file()).get("x"));
    CliRun yes = run("y\n", true, "set", "-s", file(), "x", "-i", f.toString());
    assertEquals(0, yes.status(), yes.toString());
    assertEquals(doc("new"), Stores.all(file()).get("x"));

    assertEquals(ExitCodes.USER_ERROR, run("no\n", true, "clear", "-s", file(), "x").status());
    assertTrue(Stores.all(file()).containsKey("x"));
    assertEquals(
        ExitCodes.USER_ERROR, run(doc("t"), true, "set", "-s", file(), "y", "-i", "-").status());
    assertEquals(0, run("yes\n", true, "clear", "-s", file(), "x").status());
    assertFalse(Stores.all(file()).containsKey("x"));
  }

  @Test
  void clearDeletesOneState() throws Exception {
    Stores.insertAll(h2(), Map.of("a", doc("a"), "b", doc("b")));
    CliRun r = run("clear", "-s", h2(), "a", "--force");
    assertEquals(0, r.status(), r.toString());
    assertEquals(List.of("b"), List.copyOf(Stores.all(h2()).keySet()));
    assertOneLineError(run("clear", "-s", h2(), "a"), "No state with state_id 'a'");
  }

  @Test
  void locksAndUnlock() throws Exception {
    Path files = dir.resolve("files");
    Stores.insert(file(), "dev:a", doc("a"));
    long now = Instant.now().getEpochSecond();
    Files.writeString(files.resolve("dev:a").resolve("lock"), now + ".25");
    Files.createDirectories(files.resolve("prod:b"));
    Files.writeString(files.resolve("prod:b").resolve("lock"), String.valueOf(now));

    CliRun locks = run("locks", "-s", file());
    assertEquals(0, locks.status(), locks.toString());
    List<String> lines = locks.out().lines().toList();
    assertEquals(2, lines.size(), locks.toString());
    assertTrue(lines.get(0).startsWith("dev:a\t" + Instant.ofEpochSecond(now, 250_000_000)));
    assertEquals(1, run("locks", "-s", file(), "--pattern", "prod:*").out().lines().count());

    CliRun unlock = run("unlock", "-s", file(), "dev:a", "--force");
    assertEquals(0, unlock.status(), unlock.toString());
    assertFalse(Files.exists(files.resolve("dev:a").resolve("lock")));
    assertTrue(Files.exists(files.resolve("dev:a").resolve("state.json")));
    assertOneLineError(run("unlock", "-s", file(), "dev:a", "--force"), "is not locked");
  }

  @Test
  void storeErrorsNameTheSettingNotItsValue() {
    CliRun r = run("list", "-s", file(), "--property", "no_such_setting=s3cr3t-value");
    assertOneLineError(r, "no_such_setting");
    assertTrue(r.err().contains("[08001]"), r.toString());
    assertFalse(r.err().contains("s3cr3t-value"), r.toString());
    assertOneLineError(run("list", "-s", "nosuchscheme:x"), "[08001]");
  }

  @Test
  void sqlShellRunsStatementsFromStdin() throws Exception {
    Stores.insert(h2(), "dev:shell", doc("s"));
    CliRun r =
        run(
            "SELECT state_id, JSON_VALUE(body, '$.completed.singer_state.bookmarks.users"
                + ".replication_key_value') AS bm FROM state WHERE state_id LIKE 'dev:%';\n!quit\n",
            false, "sql", h2(), "-p", "lock_timeout_seconds=20");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("dev:shell"), r.toString());
    // Off a terminal the statements run as a script: no prompt, nothing echoed.
    assertFalse(r.out().contains("statestore(systemdb)> "), r.toString());
    assertFalse(r.out().contains("SELECT"), r.toString());
    assertFalse(r.out().contains("lock_timeout_seconds"), r.toString());
  }

  @Test
  void defaultStoreIsTheEmbeddedOne() throws Exception {
    // The build points STATESTORE_HOME of every test at target/statestore-home.
    String id = "embedded:" + java.util.UUID.randomUUID();
    Stores.insert("", id, doc("e"));
    CliRun r = run("list", "--pattern", id);
    assertEquals(0, r.status(), r.toString());
    assertEquals(List.of(id), r.out().lines().toList());
    assertEquals(0, run("clear", id).status());
  }
}
