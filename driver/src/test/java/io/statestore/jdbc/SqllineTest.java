package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * sqlline 1.12, run in-process on a script, lays out results and metadata from what the driver
 * reports: the output shows the column headers and the values, not empty {@code +--+} tables.
 */
class SqllineTest {
  @TempDir Path dir;

  @Test
  void sqllineShowsHeadersAndValues() throws Exception {
    String url = "jdbc:statestore:memory:sqlline-" + UUID.randomUUID();
    try (Connection keep = DriverManager.getConnection(url);
        Statement s = keep.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body)"
              + " VALUES ('dev:tap-x-to-target-y', '{\"completed\": {\"singer_state\": {}}}')");
      Path script = dir.resolve("script.sql");
      Files.writeString(
          script,
          String.join(
              "\n",
              "!set maxWidth 2000",
              "!connect " + url + " \"\" \"\"",
              "SELECT * FROM state;",
              "!tables",
              "!columns state",
              "!primarykeys state",
              "!indexes state",
              "!metadata getTypeInfo",
              "!set incremental true",
              "SELECT state_id AS incremental_id FROM state;",
              "!quit",
              ""));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      SqlLine sqlline = new SqlLine();
      sqlline.setOutputStream(out);
      sqlline.setErrorStream(out);
      SqlLine.Status status =
          sqlline.begin(
              new String[] {"--run=" + script, "--silent=false", "--color=false"}, null, false);
      String output = bytes.toString(StandardCharsets.UTF_8);
      assertEquals(SqlLine.Status.OK, status, output);
      assertFalse(
          Pattern.compile("(?m)^\\+(-+\\+)?-*\\+\\s*$\\n^\\|\\s*\\|\\s*$").matcher(output).find(),
          output);
      assertFalse(output.contains("todo"), output);
      assertTrue(output.contains("STATE_ID") || output.contains("state_id"), output);
      assertTrue(
          Pattern.compile("\\|\\s*state_id\\s*\\|\\s*body\\s*\\|\\s*updated_at\\s*\\|")
              .matcher(output)
              .find(),
          output);
      assertTrue(output.contains("dev:tap-x-to-target-y"), output);
      assertTrue(output.contains("{\"completed\""), output);
      assertTrue(
          Pattern.compile("\\|\\s*TABLE_SCHEM\\s*\\|\\s*TABLE_NAME\\s*\\|").matcher(output).find(),
          output);
      assertTrue(
          Pattern.compile("\\|\\s*statestore\\s*\\|\\s*state\\s*\\|\\s*TABLE\\s*\\|")
              .matcher(output)
              .find(),
          output);
      assertTrue(
          Pattern.compile(
                  "\\|\\s*statestore\\s*\\|\\s*state\\s*\\|\\s*state_id\\s*\\|\\s*12\\s*\\|\\s*VARCHAR\\s*\\|\\s*900\\s*\\|")
              .matcher(output)
              .find(),
          output);
      assertTrue(
          Pattern.compile("\\|\\s*state_id\\s*\\|\\s*1\\s*\\|\\s*state_pk\\s*\\|")
              .matcher(output)
              .find(),
          output);
      assertTrue(Pattern.compile("\\|\\s*state_pk\\s*\\|").matcher(output).find(), output);
      assertTrue(
          Pattern.compile("\\|\\s*TIMESTAMP\\s*\\|\\s*93\\s*\\|\\s*23\\s*\\|")
              .matcher(output)
              .find(),
          output);
      assertFalse(output.contains("metadata"), output);
      // Incremental mode sizes each column by getColumnDisplaySize: the id fits in its column.
      String[] lines = output.split("\\R");
      for (int i = 0; i + 2 < lines.length; i++) {
        if (lines[i].contains("INCREMENTAL_ID") || lines[i].contains("incremental_id")) {
          String border = lines[i + 1];
          String row = lines[i + 2];
          assertTrue(row.contains("dev:tap-x-to-target-y"), row);
          assertEquals(border.length(), row.length(), border + "\n" + row);
        }
      }
      assertTrue(output.contains("incremental_id"), output);
    }
  }
}
