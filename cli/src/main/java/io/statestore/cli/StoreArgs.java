package io.statestore.cli;

import io.statestore.core.StateStore;
import io.statestore.jdbc.DriverStores;
import io.statestore.jdbc.StatestoreDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The store a verb works on: {@code --store <uri>} and {@code --property key=value}. */
public final class StoreArgs {
  @Option(
      names = {"-s", "--store"},
      paramLabel = "<uri>",
      defaultValue = "${env:STATESTORE_URI:-}",
      description = {
        "The store (default: $STATESTORE_URI, else your",
        "default store in $STATESTORE_HOME or ~/.statestore;",
        "'statestore info' shows it):",
        "  file:///dir   systemdb:<jdbc url>",
        "  s3://bucket/prefix   gs://bucket/prefix",
        "  azure://container/prefix",
        "A pasted jdbc:statestore:<uri> works too."
      })
  String uri;

  @Option(
      names = {"-p", "--property"},
      paramLabel = "<key=value>",
      description = "A store setting, e.g. lock_timeout_seconds=20 (repeatable).")
  Map<String, String> properties = new LinkedHashMap<>();

  /** Opens a driver connection to the store (with the SQL engine). */
  Connection connect() throws SQLException {
    return connect(uri, properties);
  }

  /**
   * Opens the store itself, as the driver opens it for a connection but without the SQL engine; the
   * warnings given while opening it are added to {@code warnings}.
   */
  StateStore open(List<String> warnings) throws SQLException {
    return DriverStores.open(
        StatestoreDriver.PREFIX + storeUri(uri), properties(properties), warnings);
  }

  /**
   * The store URI without a pasted {@code jdbc:statestore:} prefix (any letter case), as a URL
   * copied from a SQL tool's connection dialog carries; {@code ""} for none.
   */
  static String storeUri(String uri) {
    if (uri == null) {
      return "";
    }
    String u = uri.strip();
    return u.regionMatches(true, 0, StatestoreDriver.PREFIX, 0, StatestoreDriver.PREFIX.length())
        ? u.substring(StatestoreDriver.PREFIX.length())
        : u;
  }

  /** Opens a driver connection to a store URI with settings. */
  static Connection connect(String uri, Map<String, String> settings) throws SQLException {
    String url = StatestoreDriver.PREFIX + storeUri(uri);
    return new StatestoreDriver().connect(url, properties(settings));
  }

  private static Properties properties(Map<String, String> settings) {
    Properties p = new Properties();
    if (settings != null) {
      settings.forEach(p::setProperty);
    }
    return p;
  }
}
