package io.statestore.clients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import schemacrawler.loader.counts.TableRowCountsUtility;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.command.text.schema.options.TextOutputFormat;
import schemacrawler.tools.executable.SchemaCrawlerExecutable;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.options.OutputOptionsBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * SchemaCrawler crawls each store at info level maximum with row counts, as its command line does
 * with {@code --info-level=maximum --load-row-counts --command=schema}, and reports the state table
 * as it is, without meeting an error from the driver.
 */
class SchemaCrawlerTest {
  @TempDir Path dir;

  private static SchemaCrawlerOptions maximum() {
    return SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(
            LoadOptionsBuilder.builder()
                .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
                .withMaxThreads(1)
                .toOptions());
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void crawlsAtMaximumWithRowCounts(StoreKind kind) throws Exception {
    Path report = dir.resolve("report.txt");
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect();
        JulCapture log = new JulCapture("schemacrawler", "us.fatehi")) {
      DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(conn);
      Config config = new Config();
      config.put("load-row-counts", true);
      SchemaCrawlerExecutable executable = new SchemaCrawlerExecutable("schema");
      executable.setSchemaCrawlerOptions(maximum());
      executable.setAdditionalConfiguration(config);
      executable.setOutputOptions(
          OutputOptionsBuilder.newOutputOptions(TextOutputFormat.text, report));
      executable.setDataSource(source);
      executable.setSchemaRetrievalOptions(
          SchemaCrawlerUtility.matchSchemaRetrievalOptions(source));
      executable.execute();

      Catalog catalog = executable.getCatalog();
      String text = Files.readString(report, StandardCharsets.UTF_8);
      List<String> schemas =
          catalog.getSchemas().stream().map(Schema::getName).collect(Collectors.toList());
      Optional<Table> found =
          catalog.getSchemas().stream()
              .filter(s -> "statestore".equals(s.getName()))
              .findFirst()
              .flatMap(s -> catalog.lookupTable(s, "state"));
      assertTrue(found.isPresent(), "no statestore.state; schemas " + schemas + ": " + text);
      Table state = found.get();

      assertAll(
          () ->
              assertFalse(
                  schemas.stream().anyMatch(s -> s.equalsIgnoreCase("metadata")),
                  "the engine's own schema is shown: " + schemas),
          () ->
              assertEquals(
                  List.of("state_id", "body", "updated_at"),
                  state.getColumns().stream().map(Column::getName).collect(Collectors.toList())),
          () -> assertTrue(state.hasPrimaryKey(), "no primary key on state"),
          () ->
              assertEquals(
                  List.of("state_id"),
                  state.hasPrimaryKey()
                      ? state.getPrimaryKey().getConstrainedColumns().stream()
                          .map(Column::getName)
                          .collect(Collectors.toList())
                      : List.of()),
          () -> assertTrue(TableRowCountsUtility.hasRowCount(state), "no row count loaded"),
          () ->
              assertEquals(
                  (long) TestStore.SEED_IDS.size(),
                  TableRowCountsUtility.getRowCount(state),
                  "row count"),
          () ->
              assertTrue(
                  state.getColumns().stream().allMatch(c -> c.getSize() > 0),
                  "column sizes: "
                      + state.getColumns().stream()
                          .map(c -> c.getName() + "=" + c.getSize())
                          .collect(Collectors.toList())),
          () -> assertTrue(text.contains("state_id"), text),
          () -> assertTrue(text.contains("updated_at"), text),
          () -> assertTrue(text.contains(TestStore.SEED_IDS.size() + " rows"), text),
          () -> assertFalse(text.toLowerCase().contains("metadata."), text),
          () -> assertTrue(log.size() > 0, "SchemaCrawler's log was not captured"),
          () ->
              assertEquals(List.of(), log.problems(), "SchemaCrawler met errors from the driver"));
    }
  }
}
