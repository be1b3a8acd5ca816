package io.statestore.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a third-party library logs through {@code java.util.logging} at FINE and above, for
 * tests that check the library met no exception from the driver.
 */
public final class JulCapture extends Handler implements AutoCloseable {
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> previousLevels = new ArrayList<>();
  private final List<LogRecord> records = new ArrayList<>();

  /** Starts capturing the named loggers and everything below them. */
  public JulCapture(String... loggerNames) {
    setLevel(Level.FINE);
    for (String name : loggerNames) {
      Logger logger = Logger.getLogger(name);
      loggers.add(logger);
      previousLevels.add(logger.getLevel());
      logger.setLevel(Level.FINE);
      logger.addHandler(this);
    }
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (isLoggable(record)) {
      records.add(record);
    }
  }

  /** What was logged with a throwable, or at WARNING and above, as lines for a failure message. */
  public synchronized List<String> problems() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      Throwable t = r.getThrown();
      String message = String.valueOf(r.getMessage());
      boolean driverText =
          message.contains("todo") || message.contains("XX000") || message.contains("SQLException");
      if (t != null || r.getLevel().intValue() >= Level.WARNING.intValue() || driverText) {
        out.add(r.getLevel() + " " + r.getLoggerName() + ": " + message + describe(t));
      }
    }
    return out;
  }

  private static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
      if (c instanceof java.sql.SQLException) {
        b.append(" [SQLState ").append(((java.sql.SQLException) c).getSQLState()).append(']');
      }
    }
    return b.toString();
  }

  /** How many records were captured at all (to prove the capture worked). */
  public synchronized int size() {
    return records.size();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).removeHandler(this);
      loggers.get(i).setLevel(previousLevels.get(i));
    }
  }
}
