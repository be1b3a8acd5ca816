package io.statestore.jdbc.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of the JVM, at every level down to TRACE, with its formatted message,
 * arguments and the messages of its exception chain, while open.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previous;
  private final List<String> texts = new ArrayList<>();

  /** Starts recording. */
  public LogCapture() {
    previous = root.getLevel();
    setContext(root.getLoggerContext());
    setName("capture");
    start();
    root.addAppender(this);
    root.setLevel(Level.TRACE);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ');
    sb.append(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object arg : event.getArgumentArray()) {
        sb.append(" | ").append(arg);
      }
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      for (IThrowableProxy s : t.getSuppressed()) {
        sb.append(" | suppressed ").append(s.getMessage());
      }
    }
    texts.add(sb.toString());
  }

  /** Everything recorded so far. */
  public synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    root.setLevel(previous);
    stop();
  }
}
