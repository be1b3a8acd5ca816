package io.statestore.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;

/** The built bundle jar, and its driver loaded the way a SQL client loads a driver jar. */
final class BundleJar {
  private BundleJar() {}

  /** The jar the build made (system property {@code statestore.bundle.jar}). */
  static Path path() {
    String path = System.getProperty("statestore.bundle.jar");
    assertNotNull(path, "statestore.bundle.jar is not set");
    Path jar = Path.of(path);
    assertTrue(Files.isRegularFile(jar), path);
    return jar;
  }

  /** One of the jars attached beside it: {@code driver}, {@code s3}, {@code azure}, {@code gcs}. */
  static Path attached(String classifier) {
    Path bundle = path();
    String name =
        bundle.getFileName().toString().replaceFirst("\\.jar$", "-" + classifier + ".jar");
    Path jar = bundle.resolveSibling(name);
    assertTrue(Files.isRegularFile(jar), jar.toString());
    return jar;
  }

  /** A fresh class loader over the bundle jar alone and the platform class loader. */
  static URLClassLoader isolatedLoader() throws Exception {
    return isolatedLoader(path());
  }

  /** A fresh class loader over these jars alone and the platform class loader, nothing else. */
  static URLClassLoader isolatedLoader(Path... jars) throws Exception {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  /**
   * A query on a store behind a closed port, through the driver of {@code jars}: it must fail as a
   * connection error (08xxx), not as a class loading one, and never show {@code secret}.
   */
  static void assertConnectionError(String url, Properties props, String secret, Path... jars)
      throws Exception {
    try (URLClassLoader loader = isolatedLoader(jars)) {
      Driver driver = driver(loader);
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (Connection c = driver.connect(url, props);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT state_id FROM state")) {
                  rs.next();
                }
              },
              url);
      assertNotNull(e.getSQLState(), e.toString());
      assertTrue(e.getSQLState().startsWith("08"), url + ": " + e.getSQLState() + " " + e);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(t instanceof LinkageError, t.toString());
        assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
      }
    }
  }

  /** The statestore driver as {@link ServiceLoader} finds it in the jar, from that loader. */
  static Driver driver(ClassLoader loader) {
    Driver driver = null;
    for (Driver d : ServiceLoader.load(Driver.class, loader)) {
      if (d.getClass().getName().equals("io.statestore.jdbc.StatestoreDriver")) {
        driver = d;
      }
    }
    assertNotNull(driver, "java.sql.Driver service io.statestore.jdbc.StatestoreDriver");
    assertSame(loader, driver.getClass().getClassLoader());
    return driver;
  }
}
