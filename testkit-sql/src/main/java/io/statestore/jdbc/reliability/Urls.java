package io.statestore.jdbc.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Appends statestore settings to a JDBC URL as {@code ?key=value} pairs. */
public final class Urls {
  private Urls() {}

  /** The URL with the settings appended, after any query it already has. */
  public static String with(String url, Map<String, String> settings) {
    StringBuilder sb = new StringBuilder(url);
    boolean hasQuery = url.indexOf('?') >= 0;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      sb.append(hasQuery ? '&' : '?');
      hasQuery = true;
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** The URL with one setting appended. */
  public static String with(String url, String key, String value) {
    return with(url, Map.of(key, value));
  }
}
