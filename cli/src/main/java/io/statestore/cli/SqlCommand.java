package io.statestore.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/**
 * {@code statestore sql}: SQL on a store. On a terminal, an interactive shell (sqlline); with
 * {@code -f FILE}, or when stdin or stdout is not a terminal, the script runs without a shell and
 * stops at its first error.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "SQL on a store: tables state and locks.",
      "On a terminal, an interactive shell (sqlline). With -f FILE, or SQL piped on stdin, the"
          + " statements (separated by ;) run one after the other with nothing echoed: query rows"
          + " go to stdout (--format), '<n> rows affected' to stderr, and the first failing"
          + " statement stops the script with its line and SQLState (exit 1).",
      "The store is -s <uri> as for the other verbs, or given first, e.g.:",
      "  statestore sql file:///dir",
      "  statestore sql -s file:///dir -f tour.sql",
      "  echo 'SELECT * FROM state;' | statestore sql",
      "Arguments after -- go to sqlline on a terminal."
    })
final class SqlCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<uri>",
      description =
          "The store, instead of -s (default: $STATESTORE_URI, else your default store in"
              + " $STATESTORE_HOME or ~/.statestore).")
  String uri;

  @Parameters(index = "1..*", paramLabel = "<sqlline-arg>", description = "Passed to sqlline.")
  List<String> sqllineArgs = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "<file>",
      description = "Run the SQL statements of this file and exit ('-' reads stdin).")
  String file;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "text",
      description =
          "How a script prints rows: text (tab-separated with a header; the default), json or"
              + " csv.")
  OutputFormat format;

  @Override
  int run() throws Exception {
    takeSqllineScript();
    String target = uri != null ? uri : store.uri;
    boolean script = file != null || !io().terminal();
    // Connect first: a store that cannot be opened is one error line, never a shell without it.
    try (Connection c = StoreArgs.connect(target, store.properties)) {
      if (script) {
        return new SqlScript(c, io(), format).run(readScript(), file == null ? "stdin" : file);
      }
    }
    return shell(target);
  }

  /**
   * {@code statestore sql -- -f FILE}: arguments meant for sqlline after {@code --} land in the
   * positional parameters; a script named there runs as with {@code -f}.
   */
  private void takeSqllineScript() {
    if (uri != null && uri.startsWith("-")) {
      sqllineArgs.add(0, uri);
      uri = null;
    }
    for (int i = 0; i < sqllineArgs.size(); i++) {
      String a = sqllineArgs.get(i);
      if ((a.equals("-f") || a.equals("--run")) && i + 1 < sqllineArgs.size() && file == null) {
        file = sqllineArgs.get(i + 1);
        sqllineArgs.subList(i, i + 2).clear();
        i--;
      } else if (a.startsWith("--run=") && file == null) {
        file = a.substring("--run=".length());
        sqllineArgs.remove(i--);
      }
    }
  }

  private String readScript() throws java.io.IOException {
    if (file == null || file.equals("-")) {
      return new String(io().in().readAllBytes(), StandardCharsets.UTF_8);
    }
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) {
      throw new UserException("No such SQL file: " + p.toAbsolutePath());
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private int shell(String target) throws Exception {
    String url = ShellDriver.register(target == null ? "" : target, store.properties);
    try {
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-u", url, "-n", "", "-p", ""));
      args.add("--connectInteractionMode=notAskCredentials");
      args.add("--isolation=TRANSACTION_NONE");
      args.add("--fastConnect=true");
      args.add("--prompt=" + prompt(StoreArgs.storeUri(target)));
      args.addAll(sqllineArgs);
      SqlLine shell = new SqlLine();
      shell.setOutputStream(new WriterStream(io().out()));
      shell.setErrorStream(new WriterStream(io().err()));
      SqlLine.Status status = shell.begin(args.toArray(new String[0]), io().in(), true);
      return status == SqlLine.Status.OK ? ExitCodes.OK : ExitCodes.USER_ERROR;
    } finally {
      ShellDriver.unregister(url);
    }
  }

  /**
   * The prompt names the store: the default store's directory ({@code statestore(~/.statestore)>}),
   * a file store's directory, an object store's bucket and prefix, else the scheme only (a database
   * URL may hold settings).
   */
  static String prompt(String uri) {
    String shown;
    try {
      StoreInfo info = StoreInfo.of(uri);
      String scheme = StoreArgs.storeUri(uri).isBlank() ? "" : info.uri().replaceFirst(":.*", "");
      shown =
          switch (scheme) {
            case "", "systemdb" ->
                scheme.isEmpty() || info.source() != null ? home(info.location()) : "systemdb";
            case "file" -> home(info.location());
            case "s3", "gs", "azure" -> info.uri();
            default -> scheme;
          };
    } catch (RuntimeException e) {
      shown = "?";
    }
    return "statestore(" + shown + ")> ";
  }

  /** A path with the user's home directory written {@code ~}. */
  private static String home(String path) {
    String home = System.getProperty("user.home");
    if (home != null && !home.isEmpty() && (path.equals(home) || path.startsWith(home + "/"))) {
      return "~" + path.substring(home.length());
    }
    return path;
  }

  /** Bytes written by sqlline, decoded as UTF-8 into one of the command's writers. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
      pending.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
      flush();
    }

    @Override
    public synchronized void flush() {
      writer.print(pending.toString(StandardCharsets.UTF_8));
      writer.flush();
      pending.reset();
    }
  }
}
