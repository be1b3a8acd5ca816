package io.statestore.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/** {@code statestore sql <uri>}: an interactive SQL shell (sqlline) on the driver. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive SQL shell (sqlline) on a store: tables state and locks.",
      "Arguments after -- go to sqlline, e.g. 'statestore sql file:///dir -- -f script.sql'."
    })
final class SqlCommand extends VerbBase {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<uri>",
      defaultValue = "${env:STATESTORE_URI:-}",
      description = "The store (default: $STATESTORE_URI, else the embedded default store).")
  String uri;

  @Parameters(index = "1..*", paramLabel = "<sqlline-arg>", description = "Passed to sqlline.")
  List<String> sqllineArgs = new ArrayList<>();

  @Option(
      names = {"-p", "--property"},
      paramLabel = "<key=value>",
      description = "A store setting (repeatable).")
  Map<String, String> properties = new LinkedHashMap<>();

  @Override
  int run() throws Exception {
    String url = ShellDriver.register(uri == null ? "" : uri, properties);
    try {
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-u", url, "-n", "", "-p", ""));
      args.add("--connectInteractionMode=notAskCredentials");
      args.add("--isolation=TRANSACTION_NONE");
      args.add("--fastConnect=true");
      args.add("--prompt=" + prompt(uri));
      args.addAll(sqllineArgs);
      SqlLine shell = new SqlLine();
      shell.setOutputStream(new WriterStream(io().out()));
      shell.setErrorStream(new WriterStream(io().err()));
      SqlLine.Status status = shell.begin(args.toArray(new String[0]), io().in(), io().terminal());
      return status == SqlLine.Status.OK ? ExitCodes.OK : ExitCodes.USER_ERROR;
    } finally {
      ShellDriver.unregister(url);
    }
  }

  /** The prompt names the kind of store only: a URI may hold settings. */
  static String prompt(String uri) {
    int colon = uri == null ? -1 : uri.indexOf(':');
    String scheme = colon > 0 ? uri.substring(0, colon) : "default";
    return "statestore(" + scheme + ")> ";
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
