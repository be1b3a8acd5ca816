package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded property test: thousands of random ids and bodies (valid and not) go through INSERT,
 * SELECT and DELETE, checked against a model of what the store must hold. Valid documents come back
 * exactly in Meltano's rendering; every refusal has the SQLState its cause documents; at the end
 * the store holds exactly the model. The seed is printed in failures: rerun with {@code
 * -Dstatestore.test.seed=<seed>}.
 */
public abstract class RandomRoundTripContract {
  /** A fresh store. */
  protected abstract StoreFixture store() throws Exception;

  private static String shortId(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "...(" + id.length() + ")" : id;
  }

  @Test
  void randomIdsAndBodiesRoundTripOrFailAsDocumented() throws Exception {
    long seed = Long.getLong("statestore.test.seed", System.nanoTime());
    SplittableRandom r = new SplittableRandom(seed);
    int ops = Scale.of(3000, 300);
    Map<String, String> model = new TreeMap<>();
    StoreFixture store = store();
    try (Connection c = DriverManager.getConnection(store.url());
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)");
        PreparedStatement select = c.prepareStatement("SELECT body FROM state WHERE state_id = ?");
        PreparedStatement delete = c.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      for (int op = 0; op < ops; op++) {
        String where = "seed " + seed + " op " + op;
        int kind = r.nextInt(10);
        String id =
            kind < 7 && !model.isEmpty() && r.nextInt(4) == 0
                ? model.keySet().stream().skip(r.nextInt(model.size())).findFirst().orElseThrow()
                : RandomIds.next(r);
        boolean validId = RandomIds.isValid(id);
        boolean storeDecides = !validId && !RandomIds.isNeverValid(id);
        String label = where + " id '" + shortId(id) + "'";
        if (kind < 6) {
          boolean validBody = !validId && !storeDecides || r.nextInt(5) > 0;
          RandomDocuments doc = RandomDocuments.next(r);
          String body = validBody ? doc.sent() : RandomDocuments.invalid(r);
          String asValid = !validBody ? "22032" : model.containsKey(id) ? "23505" : null;
          String expected = validId || storeDecides ? asValid : "22023";
          insert.setString(1, id);
          insert.setString(2, body);
          try {
            assertEquals(1, insert.executeUpdate(), label);
            if (expected != null) {
              fail(label + ": expected " + expected + " for body " + body);
            }
            model.put(id, doc.stored());
          } catch (SQLException e) {
            if (!(storeDecides && "22023".equals(e.getSQLState()))) {
              assertEquals(
                  expected, e.getSQLState(), label + ": " + e.getMessage() + " body " + body);
            }
          }
        } else if (kind < 8 && !RandomIds.isNeverValid(id)) {
          select.setString(1, id);
          try (ResultSet rs = select.executeQuery()) {
            if (model.containsKey(id)) {
              assertTrue(rs.next(), label);
              assertEquals(model.get(id), rs.getString(1), label);
            }
            assertFalse(rs.next(), label);
          }
        } else if (!RandomIds.isNeverValid(id)) {
          delete.setString(1, id);
          assertEquals(model.containsKey(id) ? 1 : 0, delete.executeUpdate(), label);
          model.remove(id);
        }
      }
      Map<String, String> actual = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
        while (rs.next()) {
          actual.put(rs.getString(1), rs.getString(2));
        }
      }
      assertEquals(model, actual, "seed " + seed);
    }
  }
}
