package io.statestore.migrate;

import java.util.regex.Pattern;

/**
 * A state id pattern with one meaning on every backend: fnmatch-style {@code *} (any run of
 * characters), {@code ?} (one character) and {@code [...]} (a class; {@code [!...]} negates),
 * matched against the whole id, case-sensitive. Its literal prefix lets backends list only the ids
 * that can match.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;
  private final String literalPrefix;

  private Glob(String pattern) {
    this.pattern = pattern;
    StringBuilder re = new StringBuilder();
    StringBuilder prefix = new StringBuilder();
    boolean inPrefix = true;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        re.append(".*");
        inPrefix = false;
      } else if (c == '?') {
        re.append('.');
        inPrefix = false;
      } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
        int end = pattern.indexOf(']', i + 2);
        String body = pattern.substring(i + 1, end);
        re.append('[');
        if (body.startsWith("!")) {
          re.append('^');
          body = body.substring(1);
        }
        re.append(body.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&"));
        re.append(']');
        i = end;
        inPrefix = false;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        if (inPrefix) {
          prefix.append(c);
        }
      }
    }
    this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
    this.literalPrefix = prefix.toString();
  }

  /** Compiles a pattern; {@code null} or empty means "everything". */
  public static Glob of(String pattern) {
    return new Glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
  }

  /** Whether the whole id matches. */
  public boolean matches(String stateId) {
    return regex.matcher(stateId).matches();
  }

  /** The characters every match starts with; list by this prefix, then filter. */
  public String literalPrefix() {
    return literalPrefix;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
