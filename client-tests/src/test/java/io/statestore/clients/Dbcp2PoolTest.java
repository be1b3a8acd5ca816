package io.statestore.clients;

import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * The pool contract through Apache Commons DBCP2, testing each connection on borrow with {@code
 * isValid} (no validation query).
 */
class Dbcp2PoolTest extends PoolContract {
  @Override
  protected DataSource open(String url, int maxSize, Properties settings) throws Exception {
    BasicDataSource ds = new BasicDataSource();
    ds.setUrl(url);
    for (String key : settings.stringPropertyNames()) {
      ds.addConnectionProperty(key, settings.getProperty(key));
    }
    ds.setMaxTotal(maxSize);
    ds.setMaxIdle(maxSize);
    ds.setInitialSize(1);
    ds.setTestOnBorrow(true);
    ds.setValidationQueryTimeout(Duration.ofSeconds(2));
    ds.setMaxWait(Duration.ofSeconds(30));
    ds.start();
    return ds;
  }

  @Override
  protected int active(DataSource pool) {
    return ((BasicDataSource) pool).getNumActive();
  }

  @Override
  protected void close(DataSource pool) throws Exception {
    ((BasicDataSource) pool).close();
  }

  @Override
  protected String[] loggers() {
    return new String[] {"org.apache.commons.dbcp2", "org.apache.commons.pool2"};
  }
}
