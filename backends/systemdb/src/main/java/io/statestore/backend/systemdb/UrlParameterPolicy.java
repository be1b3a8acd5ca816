package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses JDBC URL parameters that make a database driver run scripts, load classes or native code,
 * write files of its own or read local files on a server's request: H2's {@code INIT} and
 * class-loading options, and the known dangerous parameters of the PostgreSQL, MySQL, MariaDB and
 * SQLite drivers. A store URI is often copied from a configuration file or a tool's settings, so
 * naming such a parameter must not be enough to run code in the process that opens it.
 *
 * <p>Every {@code key=value} pair of the URL is checked, whatever separates it ({@code ;}, {@code
 * ?}, {@code &}, or the parentheses and commas of MySQL's address syntax), names compared in any
 * letter case and after percent-decoding. The error names the parameter, never its value.
 */
final class UrlParameterPolicy {
  /** Parameter names refused in any JDBC URL, in lower case. */
  static final Set<String> REFUSED =
      Set.of(
          // H2: SQL run on connect, classes loaded by name, pluggable authentication
          "init",
          "runscript",
          "database_event_listener",
          "java_object_serializer",
          "authenticator",
          "authrealm",
          "authzpwd",
          // PostgreSQL (pgjdbc): classes loaded by name, files written
          "socketfactory",
          "socketfactoryarg",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationpluginclassname",
          "xmlfactoryfactory",
          "loggerfile",
          "loggerlevel",
          // MySQL Connector/J and MariaDB: local file reads, deserialisation, classes by name
          "allowloadlocalinfile",
          "allowloadlocalinfileinpath",
          "allowurlinlocalinfile",
          "allowlocalinfile",
          "autodeserialize",
          "queryinterceptors",
          "statementinterceptors",
          "exceptioninterceptors",
          "connectionlifecycleinterceptors",
          "propertiestransform",
          "authenticationplugins",
          "defaultauthenticationplugin",
          "clientinfoprovider",
          "profilereventhandler",
          "loadbalanceexceptionchecker",
          "tlssockettype",
          "credentialtype",
          // SQLite (sqlite-jdbc): native extensions
          "enable_load_extension");

  private UrlParameterPolicy() {}

  /**
   * Fails with {@link ErrorKind#INVALID_CONFIGURATION} when the URL carries a refused parameter.
   *
   * @param jdbcUrl the JDBC URL about to be opened
   */
  static void check(String jdbcUrl) {
    for (String part : jdbcUrl.split("[;?&(),]")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = decode(part.substring(0, eq)).strip();
      if (REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            "The JDBC URL parameter '"
                + name
                + "' is refused: it can make the database driver run scripts, load code or"
                + " read or write local files. Remove it from the store URI; statestore sets the"
                + " connection up itself");
      }
    }
  }

  /** Percent-decodes leniently: a {@code %} not followed by two hex digits is kept as it is. */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0
          && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
