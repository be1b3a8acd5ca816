package io.statestore.backend.systemdb;

import io.statestore.spi.ListedState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing of the ids of one table that start with a prefix, fetched a page at a time with
 * keyset pagination ({@code WHERE state_id > <last id seen> ... ORDER BY state_id LIMIT n}). Each
 * page borrows a connection and gives it back, so an unfinished stream holds nothing.
 *
 * <p>The prefix is matched with {@code LIKE 'prefix%' ESCAPE '\'} (its {@code % _ \} escaped) to
 * narrow the scan, then checked again in Java, since {@code LIKE} ignores ASCII case on SQLite.
 */
final class KeysetListing implements Iterator<ListedState> {
  /** Rows per page. */
  static final int PAGE_SIZE = 500;

  private final Transactions transactions;
  private final String sql;
  private final String prefix;
  private final String pattern;
  private final UpdatedAt updatedAt;
  private final String what;
  private final int pageSize;

  private List<ListedState> page = List.of();
  private int position;
  private String after = "";
  private boolean lastPage;

  /**
   * @param transactions runs each page's query
   * @param dialect the database's dialect
   * @param table the table to list
   * @param prefix the literal prefix, possibly empty
   * @param updatedAt reads the {@code updated_at} column
   * @param pageSize rows per page
   */
  KeysetListing(
      Transactions transactions,
      Dialect dialect,
      String table,
      String prefix,
      UpdatedAt updatedAt,
      int pageSize) {
    this.transactions = transactions;
    this.prefix = prefix;
    this.pattern = escapeLike(prefix) + "%";
    this.updatedAt = updatedAt;
    this.pageSize = pageSize;
    this.what = "list the ids starting with '" + prefix + "' in table " + table;
    String id = dialect.ordered("state_id");
    this.sql =
        "SELECT state_id, updated_at FROM "
            + table
            + " WHERE "
            + id
            + " > "
            + dialect.orderedParameter()
            + " AND state_id LIKE ? ESCAPE '\\' ORDER BY "
            + id
            + " "
            + dialect.limit(pageSize);
  }

  /** The listing as a sequential, ordered stream. */
  Stream<ListedState> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            this, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
        false);
  }

  /** Escapes {@code \ % _} for {@code LIKE ... ESCAPE '\'}. */
  static String escapeLike(String literal) {
    StringBuilder sb = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public boolean hasNext() {
    while (position >= page.size()) {
      if (lastPage) {
        return false;
      }
      fetch();
    }
    return true;
  }

  @Override
  public ListedState next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.get(position++);
  }

  private void fetch() {
    List<ListedState> rows =
        transactions.read(
            what,
            c -> {
              List<ListedState> out = new ArrayList<>(pageSize);
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, after);
                ps.setString(2, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(new ListedState(rs.getString(1), updatedAt.read(rs, 2)));
                  }
                }
              }
              return out;
            });
    lastPage = rows.size() < pageSize;
    if (!rows.isEmpty()) {
      after = rows.get(rows.size() - 1).stateId();
    }
    List<ListedState> matching = new ArrayList<>(rows.size());
    for (ListedState s : rows) {
      if (s.stateId().startsWith(prefix)) {
        matching.add(s);
      }
    }
    page = matching;
    position = 0;
  }
}
