package io.statestore.migrate;

/**
 * A state id pattern as the command line takes it (fnmatch-style {@code *}, {@code ?} and {@code
 * [...]}, see {@link Glob}) and its SQL form: a {@code LIKE} pattern with {@code ESCAPE '\'} that
 * the driver pushes down to a listing of the literal prefix.
 *
 * <p>{@code *} becomes {@code %}, {@code ?} becomes {@code _}, and a literal {@code %}, {@code _}
 * or {@code \} is escaped. A character class has no LIKE form: the LIKE pattern then stops at the
 * class with {@code %}, and {@link #matches} filters exactly, so a pattern means the same on every
 * store.
 */
public final class StatePattern {
  /** The escape character used in {@link #like()}; write {@code ESCAPE '\'} after the pattern. */
  public static final char ESCAPE = '\\';

  private final Glob glob;
  private final String like;
  private final boolean exact;

  private StatePattern(String pattern) {
    this.glob = Glob.of(pattern);
    String text = pattern == null || pattern.isEmpty() ? "*" : pattern;
    StringBuilder sb = new StringBuilder();
    boolean complete = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' && text.indexOf(']', i + 2) > 0) {
        sb.append('%');
        complete = false;
        break;
      } else if (c == '*') {
        sb.append('%');
      } else if (c == '?') {
        sb.append('_');
      } else if (c == '%' || c == '_' || c == ESCAPE) {
        sb.append(ESCAPE).append(c);
      } else {
        sb.append(c);
      }
    }
    this.like = sb.toString();
    this.exact = complete;
  }

  /** Parses a pattern; {@code null} or empty matches every state id. */
  public static StatePattern of(String pattern) {
    return new StatePattern(pattern);
  }

  /** The SQL LIKE pattern (escape character {@link #ESCAPE}); may match more than the glob. */
  public String like() {
    return like;
  }

  /** Whether {@link #like()} means exactly the glob, so no further filtering is needed. */
  public boolean exactInSql() {
    return exact;
  }

  /**
   * The literal text every matching id starts with (up to the first wildcard or class): a listing
   * of it finds every match, as the driver's listing for {@link #like()} does.
   */
  public String prefix() {
    return glob.literalPrefix();
  }

  /** Whether a state id matches the whole pattern. */
  public boolean matches(String stateId) {
    return glob.matches(stateId);
  }

  @Override
  public String toString() {
    return glob.toString();
  }
}
