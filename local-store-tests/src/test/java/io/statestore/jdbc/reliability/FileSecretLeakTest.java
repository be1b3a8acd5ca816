package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretLeakContract} on the file store, whose only secrets are what clients send anyway (a
 * {@code password} property) or put by mistake in the URL's user info.
 */
class FileSecretLeakTest extends SecretLeakContract {
  private static final String PASSWORD = "File-Client-Pw-4711";

  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    StoreFixture file = LocalStores.file(dir);
    return new StoreFixture() {
      @Override
      public String url() {
        return file.url();
      }

      @Override
      public Optional<Path> directory() {
        return file.directory();
      }

      @Override
      public List<String> secrets() {
        return List.of(PASSWORD);
      }

      @Override
      public Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", "analyst");
        p.setProperty("password", PASSWORD);
        return p;
      }
    };
  }

  @Test
  void userInfoInAFileUriIsRefusedWithoutShowingIt() {
    String secret = "Uri-Secret-0815";
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                        "jdbc:statestore:file://admin:" + secret + "@localhost" + dir)
                    .close());
    assertEquals("08001", e.getSQLState());
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    assertFalse(out.toString().contains(secret), out.toString());
  }
}
