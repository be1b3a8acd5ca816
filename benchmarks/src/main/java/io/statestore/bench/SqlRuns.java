package io.statestore.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Statements the scenarios time, run to their last row and checked for their row count. */
final class SqlRuns {
  private SqlRuns() {}

  /** {@code SELECT state_id, body FROM state}, every body read; fails unless {@code n} rows. */
  static void scan(String url, int n) throws SQLException {
    int rows = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
      while (rs.next()) {
        Sink.consume(rs.getString(2));
        rows++;
      }
    }
    if (rows != n) {
      throw new IllegalStateException("scanned " + rows + " of " + n);
    }
  }

  /**
   * {@code INSERT INTO state SELECT * FROM src.state} on {@code url} with the store {@code source}
   * attached as {@code src}; fails unless {@code n} rows were copied.
   */
  static void copy(String source, String url, int n) throws SQLException {
    Properties p = new Properties();
    p.setProperty("attach.src", source);
    try (Connection c = DriverManager.getConnection(url, p);
        Statement s = c.createStatement()) {
      long rows = s.executeLargeUpdate("INSERT INTO state SELECT * FROM src.state");
      if (rows != n) {
        throw new IllegalStateException("copied " + rows + " of " + n);
      }
    }
  }

  /** Reads every row of the statement's result, both columns of each as text; the row count. */
  static long drain(PreparedStatement ps) throws SQLException {
    long rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Sink.consume(rs.getString(1));
        Sink.consume(rs.getString(2));
        rows++;
      }
    }
    return rows;
  }

  /** Fails unless a statement gave the rows it should. */
  static void check(long rows, long expected) {
    if (rows != expected) {
      throw new IllegalStateException("expected " + expected + " rows, got " + rows);
    }
  }
}
