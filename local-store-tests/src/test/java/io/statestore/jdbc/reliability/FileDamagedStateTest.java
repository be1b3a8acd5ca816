package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged {@code state.json} (truncated, as a writer killed mid-write leaves it) never hides the
 * other states: it reads as stored with an SQLWarning 01000 naming it, and can be overwritten or
 * deleted with SQL.
 */
class FileDamagedStateTest {
  private static final String GOOD = "{\"completed\": {\"a\": 1}, \"partial\": {}}";
  private static final String FIXED = "{\"completed\": {\"fixed\": true}, \"partial\": {}}";
  private static final byte[] TRUNCATED =
      "{\"completed\": {\"a\": 1}, \"par".getBytes(StandardCharsets.UTF_8);

  /** Truncated in the middle of a two-byte UTF-8 character: not valid UTF-8 either. */
  private static final byte[] TRUNCATED_UTF8 =
      Arrays.copyOf(
          "{\"completed\": {\"é".getBytes(StandardCharsets.UTF_8),
          "{\"completed\": {\"é".getBytes(StandardCharsets.UTF_8).length - 1);

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void threeStatesOneDamaged() throws Exception {
    url = LocalStores.file(dir).url();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String id : List.of("a", "bad", "c")) {
        s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('" + id + "', '" + GOOD + "')");
      }
    }
    damage(TRUNCATED);
  }

  private void damage(byte[] content) throws Exception {
    Files.write(dir.resolve("store/bad/state.json"), content);
  }

  private static List<String> warnings(SQLWarning first) {
    List<String> out = new ArrayList<>();
    for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
      assertEquals("01000", w.getSQLState(), w.getMessage());
      out.add(w.getMessage());
    }
    return out;
  }

  @Test
  void otherRowsReadAndTheDamagedOneReadsAsStoredWithAWarning() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state ORDER BY state_id")) {
        List<String> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getString(1));
          String expected =
              rs.getString(1).equals("bad") ? new String(TRUNCATED, StandardCharsets.UTF_8) : GOOD;
          assertEquals(expected, rs.getString(2));
        }
        assertEquals(List.of("a", "bad", "c"), ids);
        List<String> seen = warnings(rs.getWarnings());
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).contains("'bad'"), seen.get(0));
        assertFalse(seen.get(0).contains("writing it in place"), seen.get(0));
        assertEquals(seen, warnings(s.getWarnings()));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
      }
      try (ResultSet rs =
          s.executeQuery("SELECT state_id, body FROM state WHERE state_id <> 'bad'")) {
        int n = 0;
        while (rs.next()) {
          assertEquals(GOOD, rs.getString(2));
          n++;
        }
        assertEquals(2, n);
      }
    }
  }

  @Test
  void damagedStateIsOverwrittenByUpdate() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertEquals(
          1, s.executeUpdate("UPDATE state SET body = '" + FIXED + "' WHERE state_id = 'bad'"));
      assertEquals(FIXED, Files.readString(dir.resolve("store/bad/state.json")));
      assertFalse(Files.exists(dir.resolve("store/bad/lock")));
    }
  }

  @Test
  void damagedStateThatIsNotUtf8IsOverwrittenByMerge() throws Exception {
    damage(TRUNCATED_UTF8);
    try (Connection c = DriverManager.getConnection(url);
        Statement merge = c.createStatement()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = 'bad'")) {
        assertTrue(rs.next());
        assertEquals(new String(TRUNCATED_UTF8, StandardCharsets.UTF_8), rs.getString(1));
        assertTrue(rs.getString(1).endsWith("\uFFFD"), rs.getString(1));
        List<String> seen = warnings(rs.getWarnings());
        assertTrue(seen.get(0).contains("not valid UTF-8"), seen.toString());
      }
      assertEquals(
          1,
          merge.executeUpdate(
              "MERGE INTO state t USING (VALUES ('bad', '"
                  + FIXED
                  + "')) AS v(id, b) ON t.state_id = v.id"
                  + " WHEN MATCHED THEN UPDATE SET body = v.b"
                  + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (v.id, v.b)"));
      assertNotNull(merge.getWarnings(), "the merge read the damaged state");
      assertArrayEquals(
          FIXED.getBytes(StandardCharsets.UTF_8),
          Files.readAllBytes(dir.resolve("store/bad/state.json")));
    }
  }

  @Test
  void damagedStateIsDeletedAndTheOthersStay() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = 'bad'"));
      assertFalse(Files.exists(dir.resolve("store/bad/state.json")));
      try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state ORDER BY state_id")) {
        assertTrue(rs.next());
        assertEquals("a", rs.getString(1));
        assertTrue(rs.next());
        assertEquals("c", rs.getString(1));
        assertFalse(rs.next());
        assertNull(rs.getWarnings(), "warnings belong to the execution that met the damage");
      }
    }
  }
}
