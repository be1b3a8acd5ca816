package io.statestore.core;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence against leaked secrets: knows the secret values of one store (the
 * password in the URI's user info, secret-looking {@code key=value} parameters, values of sensitive
 * settings) and removes them from an exception and its whole cause chain before it leaves {@link
 * StateStores#open}, whatever a backend or a library put in its messages.
 */
final class SecretScrubber {
  private static final String MASK = "***";
  private static final Pattern USER_INFO = Pattern.compile("//([^/@?#]*)@");
  private static final Pattern SECRET_PARAM =
      Pattern.compile(
          "(?i)(?:password|pwd|secret|accountkey|sharedaccesssignature|sig|token|key)=([^;&]*)");
  private static final int MAX_DEPTH = 20;

  private final List<String> secrets;

  private SecretScrubber(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The secrets of a store's location and settings. */
  static SecretScrubber of(
      StoreLocation location, Settings settings, List<SettingDefinition> defs) {
    Set<String> found = new LinkedHashSet<>();
    String uri = location.withoutQuery();
    Matcher user = USER_INFO.matcher(uri);
    while (user.find()) {
      String info = user.group(1);
      int colon = info.indexOf(':');
      found.add(colon >= 0 ? info.substring(colon + 1) : info);
      found.add(info);
    }
    Matcher param = SECRET_PARAM.matcher(uri);
    while (param.find()) {
      found.add(param.group(1));
    }
    for (Map.Entry<String, String> e : location.query().entrySet()) {
      if (SECRET_PARAM.matcher(e.getKey() + "=").find()) {
        found.add(e.getValue());
      }
    }
    for (SettingDefinition d : defs) {
      if (d.sensitive()) {
        settings.find(d).ifPresent(found::add);
      }
    }
    List<String> secrets = new ArrayList<>();
    for (String s : found) {
      if (s != null && s.length() >= 3) {
        secrets.add(s);
      }
    }
    // Longest first, so a secret containing another is masked whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretScrubber(List.copyOf(secrets));
  }

  /** The text with every known secret masked. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }

  private boolean leaks(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < MAX_DEPTH; c = c.getCause(), depth++) {
      if (!scrub(c.toString()).equals(c.toString())) {
        return true;
      }
      for (Throwable s : c.getSuppressed()) {
        if (leaks(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The exception itself when no secret appears in it or its causes; otherwise an equivalent one of
   * the same kind whose messages (and causes' messages) are masked.
   */
  StateStoreException scrub(StateStoreException e) {
    if (secrets.isEmpty() || !leaks(e)) {
      return e;
    }
    StateStoreException out =
        new StateStoreException(e.kind(), scrub(e.getMessage()), scrubChain(e.getCause(), 1));
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  private Throwable scrubChain(Throwable t, int depth) {
    if (t == null || depth >= MAX_DEPTH) {
      return null;
    }
    ScrubbedCause copy =
        new ScrubbedCause(
            t.getClass().getName() + ": " + scrub(t.getMessage()),
            scrubChain(t.getCause(), depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
