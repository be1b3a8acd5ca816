package io.statestore.jdbc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link NonAsciiIdsLocaleTest} in JVMs started with a given locale. {@code setup <dir>}
 * makes a file store holding {@code dev:café-x} (its directory name in UTF-8 bytes, as Meltano
 * names it) and {@code dev:plain}; {@code check <dir>} lists and reads it through the driver and
 * prints one line per step, non-ASCII characters escaped as {@code \}{@code uXXXX} (the output
 * encoding of a JVM without a UTF-8 locale is ASCII).
 */
public final class NonAsciiIds {
  /** The non-ASCII id. */
  static final String CAFE = "dev:caf\u00e9-x";

  static final String BODY = "{\"completed\": {\"n\": 1}, \"partial\": {}}";

  private NonAsciiIds() {}

  /** Entry point: {@code setup <dir>} or {@code check <dir>}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    System.out.println("ENCODING " + System.getProperty("sun.jnu.encoding"));
    if (args[0].equals("setup")) {
      for (String id : List.of(CAFE, "dev:plain")) {
        Files.createDirectories(dir.resolve(id));
        Files.write(dir.resolve(id).resolve("state.json"), BODY.getBytes(StandardCharsets.UTF_8));
      }
      System.out.println("SETUP done");
      return;
    }
    String url = "jdbc:statestore:" + dir.toUri().toString();
    try (Connection c = DriverManager.getConnection(url)) {
      step("LIST", c, "SELECT state_id FROM state ORDER BY state_id");
      step("LOCKS", c, "SELECT state_id FROM locks");
      step("READ", c, "SELECT state_id, body FROM state WHERE state_id = '" + CAFE + "'");
      step("PLAIN", c, "SELECT state_id FROM state WHERE state_id = 'dev:plain'");
      step("PREFIX", c, "SELECT state_id FROM state WHERE state_id LIKE 'dev:p%'");
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO state (state_id, body) VALUES ('dev:th\u00e9', '" + BODY + "')");
        System.out.println("WRITE ok");
      } catch (SQLException e) {
        System.out.println("WRITE error " + e.getSQLState() + " " + escape(e.getMessage()));
      }
    }
    System.out.println("DONE");
  }

  private static void step(String name, Connection c, String sql) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        StringBuilder row = new StringBuilder(rs.getString(1));
        for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
          row.append(' ').append(rs.getString(i));
        }
        rows.add(row.toString());
      }
      System.out.println(name + " ok " + escape(String.join(" | ", rows)));
    } catch (SQLException e) {
      System.out.println(name + " error " + e.getSQLState() + " " + escape(e.getMessage()));
    }
  }

  /** The text with every character outside printable ASCII as a Java escape. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    for (char ch : String.valueOf(text).toCharArray()) {
      if (ch >= 0x20 && ch < 0x7f) {
        sb.append(ch);
      } else {
        sb.append(String.format("\\u%04x", (int) ch));
      }
    }
    return sb.toString();
  }
}
