package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc:statestore:} opens the user's default store; a {@code ./.statestore/} that an earlier
 * version left in the working directory is pointed out as a connection warning, with how to move
 * it. (The build points the tests' default store at target/statestore-home.)
 */
class OldDefaultStoreWarningTest {
  @TempDir Path dir;

  @Test
  void anOldStoreInTheWorkingDirectoryIsAConnectionWarning() throws Exception {
    Path old = Files.createDirectories(dir.resolve(".statestore"));
    Files.createFile(old.resolve("statestore.mv.db"));
    String cwd = System.getProperty("user.dir");
    System.setProperty("user.dir", dir.toString());
    try (Connection c = DriverManager.getConnection("jdbc:statestore:")) {
      SQLWarning w = c.getWarnings();
      assertTrue(w != null && w.getMessage().contains(old + " holds one"), String.valueOf(w));
      assertTrue(w.getMessage().contains("statestore migrate"), w.getMessage());
      assertEquals("01000", w.getSQLState());
      c.clearWarnings();
      assertNull(c.getWarnings());
    } finally {
      System.setProperty("user.dir", cwd);
    }
    try (Connection c = DriverManager.getConnection("jdbc:statestore:")) {
      assertNull(c.getWarnings(), "no old store in the working directory");
    }
  }
}
