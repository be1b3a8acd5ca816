package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command carries SQLite's and PostgreSQL's JDBC drivers, so Meltano's system databases open
 * out of the box; with the drivers on the class path, their dangerous URL parameters are still
 * refused by name before any driver sees the URL.
 */
class SystemDatabaseDriversTest {
  @TempDir Path dir;

  @Test
  void sqliteAndPostgresqlDriversAreOnTheCommandsClassPath() throws SQLException {
    assertNotNull(DriverManager.getDriver("jdbc:sqlite:x.db"));
    assertNotNull(DriverManager.getDriver("jdbc:postgresql://127.0.0.1/meltano"));
  }

  @Test
  void aPostgresqlStoreReachesTheDriver() {
    // Nothing listens on port 1: the PostgreSQL driver itself reports the refused connection.
    CliRun run = CliRun.run("list", "--store", "systemdb:jdbc:postgresql://127.0.0.1:1/meltano");
    assertEquals(ExitCodes.USER_ERROR, run.status(), run.toString());
    assertFalse(run.err().contains("No JDBC driver"), run.toString());
  }

  @Test
  void dangerousParametersAreRefusedByNameWithTheDriversPresent() throws Exception {
    Path log = dir.resolve("pg.log");
    Path db = dir.resolve("meltano.db");
    for (String[] c :
        List.of(
            new String[] {
              "systemdb:jdbc:postgresql://127.0.0.1:1/db?loggerLevel=DEBUG&loggerFile=" + log,
              "logger"
            },
            new String[] {
              "systemdb:jdbc:postgresql://127.0.0.1:1/db?socketFactory=java.lang.String",
              "socketFactory"
            },
            new String[] {
              "systemdb:jdbc:postgresql://127.0.0.1:1/db?sslfactory=java.lang.String", "sslfactory"
            },
            new String[] {
              "systemdb:jdbc:sqlite:" + db + "?enable_load_extension=true", "enable_load_extension"
            })) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (Connection conn = DriverManager.getConnection("jdbc:statestore:" + c[0]);
                    Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
                  rs.next();
                }
              },
              c[0]);
      assertEquals("08001", e.getSQLState(), e.toString());
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
    assertFalse(Files.exists(log), "the PostgreSQL driver wrote its log file");
    assertFalse(Files.exists(db), "the SQLite driver created the database");
  }
}
