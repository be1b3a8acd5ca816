package io.statestore.clients;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.values;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jOOQ ({@code SQLDialect.DEFAULT}) on each store: its meta model sees the user's tables and the
 * primary key, and its typed queries (which bind every value, {@code LIMIT} and {@code OFFSET} as
 * parameters) read and write what they should.
 */
class JooqTest {
  private static final Table<?> STATE = table(name("statestore", "state"));
  private static final Field<String> STATE_ID = field(name("state_id"), SQLDataType.VARCHAR);
  private static final Field<String> BODY = field(name("body"), SQLDataType.VARCHAR);
  private static final Field<LocalDateTime> UPDATED_AT =
      field(name("updated_at"), SQLDataType.LOCALDATETIME);

  @TempDir Path dir;

  private static DSLContext dsl(Connection conn) {
    return DSL.using(conn, SQLDialect.DEFAULT);
  }

  private static Field<String> text(String value) {
    return DSL.val(value).cast(SQLDataType.VARCHAR);
  }

  private static String bodyOf(DSLContext ctx, String id) {
    return ctx.select(BODY).from(STATE).where(STATE_ID.eq(id)).fetchOne(BODY);
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void metaSeesExactlyTheUserTablesAndThePrimaryKey(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      List<Table<?>> tables = dsl(conn).meta().getTables();
      Set<String> names = new TreeSet<>();
      for (Table<?> t : tables) {
        names.add(t.getSchema().getName() + "." + t.getName());
      }
      Table<?> state =
          tables.stream()
              .filter(
                  t -> t.getName().equals("state") && t.getSchema().getName().equals("statestore"))
              .findFirst()
              .orElseThrow();
      UniqueKey<?> pk = state.getPrimaryKey();
      assertAll(
          () -> assertEquals(Set.of("statestore.locks", "statestore.state"), names),
          () ->
              assertEquals(
                  List.of("state_id", "body", "updated_at"),
                  List.of(state.fields()).stream()
                      .map(Field::getName)
                      .collect(Collectors.toList())),
          () -> assertNotNull(pk, "jOOQ sees no primary key on state"),
          () ->
              assertEquals(
                  List.of("state_id"),
                  pk == null
                      ? List.of()
                      : pk.getFields().stream().map(Field::getName).collect(Collectors.toList())));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void typedSelectWithLikeLimitAndOffset(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      DSLContext ctx = dsl(conn);
      List<String> first =
          ctx.select(STATE_ID)
              .from(STATE)
              .where(STATE_ID.like("dev:%"))
              .orderBy(STATE_ID)
              .limit(2)
              .fetch(STATE_ID);
      assertEquals(List.of(TestStore.SEED_IDS.get(0), TestStore.SEED_IDS.get(1)), first);

      Result<Record2<String, String>> page =
          ctx.select(STATE_ID, BODY)
              .from(STATE)
              .where(STATE_ID.like("dev:%"))
              .orderBy(STATE_ID)
              .limit(2)
              .offset(1)
              .fetch();
      assertEquals(
          List.of(TestStore.SEED_IDS.get(1), TestStore.SEED_IDS.get(2)), page.getValues(STATE_ID));
      assertEquals(TestStore.body("2024-01-01"), page.get(0).get(BODY));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void insertBatchAndCount(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      DSLContext ctx = dsl(conn);
      assertEquals(
          1,
          ctx.insertInto(STATE, STATE_ID, BODY)
              .values("dev:tap-jooq-to-target-one", TestStore.body("one"))
              .execute());
      int[] counts =
          ctx.batch(ctx.insertInto(STATE, STATE_ID, BODY).values((String) null, (String) null))
              .bind("dev:tap-jooq-to-target-two", TestStore.body("two"))
              .bind("dev:tap-jooq-to-target-three", TestStore.body("three"))
              .execute();
      assertArrayEquals(new int[] {1, 1}, counts);
      assertEquals(TestStore.body("three"), bodyOf(ctx, "dev:tap-jooq-to-target-three"));
      assertEquals(TestStore.SEED_IDS.size() + 3, ctx.fetchCount(STATE));
      assertEquals(3, ctx.fetchCount(STATE, STATE_ID.like("dev:tap-jooq%")));
      assertEquals(
          2,
          ctx.fetchCount(
              ctx.select(STATE_ID)
                  .from(STATE)
                  .where(STATE_ID.like("prod:%"))
                  .or(STATE_ID.eq("dev:tap-jooq-to-target-one"))));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void updateMergeAndDelete(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      DSLContext ctx = dsl(conn);
      String existing = TestStore.SEED_IDS.get(0);
      assertEquals(
          1,
          ctx.update(STATE)
              .set(BODY, TestStore.body("updated"))
              .where(STATE_ID.eq(existing))
              .execute());
      assertEquals(TestStore.body("updated"), bodyOf(ctx, existing));
      LocalDateTime updatedAt =
          ctx.select(UPDATED_AT).from(STATE).where(STATE_ID.eq(existing)).fetchOne(UPDATED_AT);
      if (kind == StoreKind.FILE) {
        assertNotNull(updatedAt, "a file's modification time");
      }

      // The upsert of the README with bound values, typed as the SQL standard asks of a parameter
      // in VALUES: MERGE ... USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) ...
      Table<?> source =
          values(row(text(existing), text(TestStore.body("merged")))).as("s", "id", "b");
      Field<String> sourceId = field(name("s", "id"), SQLDataType.VARCHAR);
      Field<String> sourceBody = field(name("s", "b"), SQLDataType.VARCHAR);
      assertEquals(
          1,
          ctx.mergeInto(STATE)
              .using(source)
              .on(STATE_ID.eq(sourceId))
              .whenMatchedThenUpdate()
              .set(BODY, sourceBody)
              .whenNotMatchedThenInsert(STATE_ID, BODY)
              .values(sourceId, sourceBody)
              .execute());
      assertEquals(TestStore.body("merged"), bodyOf(ctx, existing));

      String fresh = "dev:tap-merged-to-target-new";
      Table<?> insertSource =
          values(row(text(fresh), text(TestStore.body("new")))).as("s", "id", "b");
      assertEquals(
          1,
          ctx.mergeInto(STATE)
              .using(insertSource)
              .on(STATE_ID.eq(sourceId))
              .whenMatchedThenUpdate()
              .set(BODY, sourceBody)
              .whenNotMatchedThenInsert(STATE_ID, BODY)
              .values(sourceId, sourceBody)
              .execute());
      assertEquals(TestStore.body("new"), bodyOf(ctx, fresh));

      assertEquals(1, ctx.deleteFrom(STATE).where(STATE_ID.eq(fresh)).execute());
      assertEquals(0, ctx.fetchCount(STATE, STATE_ID.eq(fresh)));
      assertEquals(TestStore.SEED_IDS.size(), ctx.fetchCount(STATE));
      assertTrue(ctx.fetchCount(table(name("statestore", "locks"))) == 0, "a lock was left");
    }
  }
}
