package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretLeakContract} on a password-protected H2 system database: {@code systemdb.password}
 * as a property, in the statestore URL's query, and H2's own {@code PASSWORD=} in the JDBC URL.
 */
class H2SecretLeakTest extends SecretLeakContract {
  private static final String PASSWORD = "H2-Owner-Secret-31337";
  private static final String WRONG = "H2-Wrong-Guess-4242";

  @TempDir Path dir;
  private String h2;

  @BeforeEach
  void createProtectedDatabase() throws Exception {
    h2 = "jdbc:h2:file:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(h2, "owner", PASSWORD)) {
      c.isValid(5);
    }
  }

  private StoreFixture fixture(String url, Properties props, boolean canBeWrong) {
    return new StoreFixture() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public List<String> secrets() {
        return List.of(PASSWORD, WRONG);
      }

      @Override
      public Properties properties() {
        return props;
      }

      @Override
      public Optional<Properties> wrongCredentials() {
        if (!canBeWrong) {
          return Optional.empty(); // the URL's credentials win over properties
        }
        Properties p = new Properties();
        p.setProperty("systemdb.user", "owner");
        p.setProperty("systemdb.password", WRONG);
        return Optional.of(p);
      }
    };
  }

  @Override
  protected StoreFixture store() {
    Properties p = new Properties();
    p.setProperty("systemdb.user", "owner");
    p.setProperty("systemdb.password", PASSWORD);
    return fixture("jdbc:statestore:systemdb:" + h2, p, true);
  }

  /** The same checks with the password in the statestore URL's query. */
  @org.junit.jupiter.api.Nested
  class PasswordInQuery extends SecretLeakContract {
    @Override
    protected StoreFixture store() {
      return fixture(
          Urls.with(
              "jdbc:statestore:systemdb:" + h2,
              java.util.Map.of("systemdb.user", "owner", "systemdb.password", PASSWORD)),
          new Properties(),
          false);
    }
  }

  /** The same checks with H2's own USER and PASSWORD settings in the JDBC URL. */
  @org.junit.jupiter.api.Nested
  class PasswordInJdbcUrl extends SecretLeakContract {
    @Override
    protected StoreFixture store() {
      return fixture(
          "jdbc:statestore:systemdb:" + h2 + ";USER=owner;PASSWORD=" + PASSWORD,
          new Properties(),
          false);
    }
  }
}
