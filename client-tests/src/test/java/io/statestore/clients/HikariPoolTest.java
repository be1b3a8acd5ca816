package io.statestore.clients;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The pool contract through HikariCP, which validates with {@code isValid} when no test query is
 * set.
 */
class HikariPoolTest extends PoolContract {
  @Override
  protected DataSource open(String url, int maxSize, Properties settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setDataSourceProperties(settings);
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    config.setValidationTimeout(2_000);
    config.setPoolName("statestore-" + maxSize);
    return new HikariDataSource(config);
  }

  @Override
  protected int active(DataSource pool) {
    return ((HikariDataSource) pool).getHikariPoolMXBean().getActiveConnections();
  }

  @Override
  protected void close(DataSource pool) {
    ((HikariDataSource) pool).close();
  }

  @Override
  protected String[] loggers() {
    return new String[] {"com.zaxxer.hikari"};
  }
}
