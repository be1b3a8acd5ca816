package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edit} in an editor, and {@code set} with the state on the command line. */
class EditAndSetTest {
  private static final String STORED =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"a\": {\"v\": 1}}}}, \"partial\":"
          + " {\"singer_state\": {\"bookmarks\": {\"b\": {\"v\": 2}}}}}";

  @TempDir Path dir;

  private String uri() {
    return Stores.file(dir.resolve("files"));
  }

  /** An editor: a script run with the file as its argument. */
  private String editor(String script) throws Exception {
    Path p = dir.resolve("editor-" + Math.abs(script.hashCode()) + ".sh");
    Files.writeString(p, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p.toString();
  }

  @Test
  void editWritesTheEditedStateAsCompletedState() throws Exception {
    Stores.insert(uri(), "x", STORED);
    Path seen = dir.resolve("seen.json");
    String ed = editor("cp \"$1\" " + seen + " && sed -i 's/\"v\": 2/\"v\": 3/' \"$1\"");
    CliRun r = run("edit", "-s", uri(), "x", "--editor", ed);
    assertEquals(0, r.status(), r.toString());
    assertEquals(
        String.join(
            "\n",
            "{",
            "  \"singer_state\": {",
            "    \"bookmarks\": {",
            "      \"a\": {",
            "        \"v\": 1",
            "      },",
            "      \"b\": {",
            "        \"v\": 2",
            "      }",
            "    }",
            "  }",
            "}"),
        Files.readString(seen));
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"a\": {\"v\": 1}, \"b\": {\"v\":"
            + " 3}}}}, \"partial\": {}}",
        Stores.all(uri()).get("x"));
  }

  @Test
  void editWithoutChangesWritesNothing() throws Exception {
    Stores.insert(uri(), "x", STORED);
    CliRun same = run("edit", "-s", uri(), "x", "--editor", editor("true"));
    assertEquals(0, same.status(), same.toString());
    assertTrue(same.out().contains("No changes detected"), same.toString());
    CliRun empty = run("edit", "-s", uri(), "x", "--editor", editor(": > \"$1\""));
    assertEquals(0, empty.status(), empty.toString());
    assertTrue(empty.out().contains("no changes made"), empty.toString());
    assertEquals(STORED, Stores.all(uri()).get("x"));

    CliRun invalid =
        run("edit", "-s", uri(), "x", "--editor", editor("echo '{\"bookmarks\": {}}' > \"$1\""));
    assertEquals(ExitCodes.USER_ERROR, invalid.status(), invalid.toString());
    assertTrue(invalid.err().contains("singer_state"), invalid.toString());
    assertEquals(STORED, Stores.all(uri()).get("x"));
    CliRun failed = run("edit", "-s", uri(), "x", "--editor", editor("exit 3"));
    assertEquals(ExitCodes.USER_ERROR, failed.status(), failed.toString());
    assertEquals(STORED, Stores.all(uri()).get("x"));
  }

  @Test
  void setTakesTheStateOnTheCommandLine() throws Exception {
    String doc = "{\"completed\": {\"singer_state\": {\"bookmarks\": {}}}, \"partial\": {}}";
    CliRun r = run("set", "-s", uri(), "x", doc);
    assertEquals(0, r.status(), r.toString());
    assertEquals(doc, Stores.all(uri()).get("x"));
    Path f = Files.writeString(dir.resolve("f.json"), doc);
    CliRun both = run("set", "-s", uri(), "x", doc, "--input-file", f.toString());
    assertEquals(ExitCodes.USER_ERROR, both.status(), both.toString());
    assertTrue(both.err().contains("exactly one of"), both.toString());
    assertEquals(ExitCodes.USER_ERROR, run("set", "-s", uri(), "x").status());
  }

  @Test
  void setTakesMeltanosFormOnceTheStoreNormalisesIt() throws Exception {
    String meltano = "{\"singer_state\": {\"bookmarks\": {\"a\": {\"v\": 1}}}}";
    assumeTrue(storesNormaliseSingerState(), "the write path does not yet take Meltano's form");
    CliRun r = run("set", "-s", uri(), "x", meltano);
    assertEquals(0, r.status(), r.toString());
    assertEquals("{\"completed\": " + meltano + ", \"partial\": {}}", Stores.all(uri()).get("x"));
    assertEquals(List.of("x"), List.copyOf(Stores.all(uri()).keySet()));
  }

  /** Whether the store's write path takes {"singer_state": ...} bodies. */
  private boolean storesNormaliseSingerState() {
    String probe = Stores.file(dir.resolve("probe"));
    try {
      Stores.insert(probe, "p", "{\"singer_state\": {}}");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
