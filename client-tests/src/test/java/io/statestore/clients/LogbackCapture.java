package io.statestore.clients;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what a third-party library logs through SLF4J at INFO and above. */
public final class LogbackCapture implements AutoCloseable {
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> previousLevels = new ArrayList<>();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Starts capturing the named loggers and everything below them. */
  public LogbackCapture(String... loggerNames) {
    appender.start();
    for (String name : loggerNames) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      loggers.add(logger);
      previousLevels.add(logger.getLevel());
      logger.setLevel(Level.INFO);
      logger.addAppender(appender);
    }
  }

  /** The formatted messages whose text contains {@code part}, with the logger's name. */
  public List<String> containing(String part) {
    List<String> out = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent e : appender.list) {
        String text = e.getFormattedMessage();
        if (text != null && text.contains(part)) {
          out.add(e.getLevel() + " " + e.getLoggerName() + ": " + text);
        }
      }
    }
    return out;
  }

  /** Everything captured at WARN and above. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent e : appender.list) {
        if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
          out.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage());
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).detachAppender(appender);
      loggers.get(i).setLevel(previousLevels.get(i));
    }
    appender.stop();
  }
}
