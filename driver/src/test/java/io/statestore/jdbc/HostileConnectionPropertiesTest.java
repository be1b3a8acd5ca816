package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection properties and store URIs that would make a driver run code: each known vector is
 * refused with {@code 08001} naming the property or parameter (never its value), and the script it
 * carries never runs (it would create a marker file).
 */
class HostileConnectionPropertiesTest {
  @TempDir Path dir;
  private Path marker;
  private String script;

  @BeforeEach
  void writeScript() throws Exception {
    marker = dir.resolve("script-ran");
    Path sql = dir.resolve("evil.sql");
    Files.writeString(sql, "CALL FILE_WRITE('ran', '" + marker + "');\n");
    script = "RUNSCRIPT FROM '" + sql + "'";
  }

  private SQLException refused(String url, Properties info, String name) {
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, info).close(), url);
    assertEquals("08001", e.getSQLState(), url + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(name), url + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("evil.sql"), e.getMessage());
    assertFalse(Files.exists(marker), "the script ran for " + url);
    return e;
  }

  private String fileStore() {
    return "jdbc:statestore:file://" + dir.resolve("store");
  }

  @Test
  void calcitePassThroughIsRefusedInTheUrlAndAsAProperty() {
    String model =
        "inline:{\"version\":\"1.0\",\"defaultSchema\":\"p\",\"schemas\":[{\"name\":\"p\","
            + "\"type\":\"jdbc\",\"jdbcDriver\":\"org.h2.Driver\",\"jdbcUrl\":"
            + "\"jdbc:h2:mem:p;INIT="
            + script
            + "\"}]}";
    Properties none = new Properties();
    refused(
        fileStore() + "?calcite.model=" + java.net.URLEncoder.encode(model, UTF8),
        none,
        "calcite.model");
    for (String key : List.of("calcite.model", "CALCITE.model", "calcite.fun")) {
      Properties p = new Properties();
      p.setProperty(key, key.endsWith("fun") ? "oracle" : model);
      refused(fileStore(), p, key);
    }
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  @Test
  void h2ScriptAndClassLoadingOptionsAreRefused() {
    String mem = "jdbc:statestore:systemdb:jdbc:h2:mem:hostile";
    refused(mem + ";INIT=" + script, new Properties(), "INIT");
    refused(mem + ";init=" + script, new Properties(), "init");
    refused(mem + ";MODE=MySQL; INIT =" + script, new Properties(), "INIT");
    refused(mem + ";DATABASE_EVENT_LISTENER='x.Y'", new Properties(), "DATABASE_EVENT_LISTENER");
    refused(mem + ";JAVA_OBJECT_SERIALIZER='x.Y'", new Properties(), "JAVA_OBJECT_SERIALIZER");
    refused(
        "jdbc:statestore:file://"
            + dir.resolve("a")
            + "?attach.x="
            + "systemdb:jdbc:h2:mem:b;INIT="
            + script.replace(" ", "%20"),
        new Properties(),
        "INIT");
  }

  @Test
  void otherDriversDangerousParametersAreRefusedByName() {
    for (String param :
        List.of(
            "socketFactory",
            "socketFactoryArg",
            "sslfactory",
            "sslfactoryarg",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "authenticationPluginClassName",
            "loggerFile",
            "loggerLevel")) {
      refused(
          "jdbc:statestore:systemdb:jdbc:postgresql://127.0.0.1:1/db?" + param + "=evil.sql",
          new Properties(),
          param);
    }
    for (String param :
        List.of(
            "allowLoadLocalInfile",
            "allowUrlInLocalInfile",
            "autoDeserialize",
            "queryInterceptors",
            "statementInterceptors",
            "exceptionInterceptors",
            "connectionLifecycleInterceptors")) {
      refused(
          "jdbc:statestore:systemdb:jdbc:mysql://127.0.0.1:1/db?useSSL=true&" + param + "=evil.sql",
          new Properties(),
          param);
    }
    refused(
        "jdbc:statestore:systemdb:jdbc:mysql://(host=127.0.0.1,port=1,autoDeserialize=evil.sql)/db",
        new Properties(),
        "autoDeserialize");
    refused(
        "jdbc:statestore:systemdb:jdbc:mariadb://127.0.0.1:1/db?allowLocalInfile=evil.sql",
        new Properties(),
        "allowLocalInfile");
    refused(
        "jdbc:statestore:systemdb:jdbc:sqlite:"
            + dir.resolve("m.db")
            + "?enable_load_extension=evil.sql",
        new Properties(),
        "enable_load_extension");
    refused(
        "jdbc:statestore:systemdb:jdbc:postgresql://127.0.0.1:1/db?socket%46actory=evil.sql",
        new Properties(), "socketFactory");
  }
}
