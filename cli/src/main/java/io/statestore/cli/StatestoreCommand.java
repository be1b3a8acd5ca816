package io.statestore.cli;

import io.statestore.core.ParserMessages;
import io.statestore.jdbc.StatestoreDriver;
import io.statestore.spi.StateStoreException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code statestore} command: reads, writes, copies and unlocks pipeline states in any store
 * the {@code jdbc:statestore:} driver opens, and starts a SQL shell on one.
 *
 * <p>Exit status: {@value ExitCodes#OK} when everything was done, {@value ExitCodes#USER_ERROR}
 * with a one-line message on stderr for an error, {@value ExitCodes#PARTIAL} when a copy did some
 * states and failed or refused others.
 */
@Command(
    name = "statestore",
    mixinStandardHelpOptions = true,
    versionProvider = StatestoreCommand.Version.class,
    description = "Read, write, copy and unlock pipeline states (Meltano state backends).",
    footer = {
      "",
      "Exit status: 0 done, 1 error (message on stderr), 2 partial failure (migrate, import,"
          + " export, clear --all).",
      "'copy' of two state ids works in one store as 'meltano state copy'; 'copy' of two store"
          + " URIs is 'migrate'.",
      "Run 'statestore help <verb>' or 'statestore <verb> --help' for a verb's options."
    })
public final class StatestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliIo io;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Name the store in use (on stderr), show what is done state by state (migrate) and the"
              + " stack trace of an error.")
  boolean verbose;

  /**
   * The command on the process's streams; picocli's completion generator ({@code
   * picocli.AutoComplete}, run by the build) creates it this way.
   */
  public StatestoreCommand() {
    this(CliIo.system());
  }

  /** The command writing to the given streams. */
  public StatestoreCommand(CliIo io) {
    this.io = io;
  }

  /** The streams of this run. */
  CliIo io() {
    return io;
  }

  /** Whether --verbose was given. */
  boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(io.err());
    return ExitCodes.USER_ERROR;
  }

  /** Runs the command on the process's streams and exits with its status. */
  public static void main(String[] args) {
    // Warnings only, on stderr; the bundle ships no SLF4J binding: do not warn users about that.
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("slf4j.internal.verbosity", "ERROR");
    // The command says itself, in its own words, when an old ./.statestore/ is left behind.
    setIfAbsent("org.slf4j.simpleLogger.log.io.statestore.backend.systemdb.LegacyHome", "error");
    // At DEBUG the HTTP client of the S3 backend logs request headers and wire bytes, which hold
    // the Authorization header (access key id, signature): never at any level the user chooses.
    for (String logger : CREDENTIAL_LOGGERS) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
    }
    int status = run(args, CliIo.system());
    System.exit(status);
  }

  /** Loggers that print HTTP headers or wire bytes, credentials included, below INFO. */
  static final List<String> CREDENTIAL_LOGGERS =
      List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the command line
   * @param io the streams to use
   * @return the exit status
   */
  public static int run(String[] args, CliIo io) {
    CommandLine cl = commandLine(io, Verbs.called(args));
    try {
      return cl.execute(args);
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }

  /**
   * The configured picocli command line.
   *
   * @param verb the one verb to build (see {@link Verbs#called}), or null for every verb and {@code
   *     help}
   */
  static CommandLine commandLine(CliIo io, String verb) {
    Factory factory = new Factory(io);
    CommandLine cl = new CommandLine(new StatestoreCommand(io), factory);
    for (String name : verb == null ? Verbs.NAMES : List.of(verb)) {
      cl.addSubcommand(name, new CommandLine(Verbs.of(name), factory));
    }
    if (verb == null) {
      cl.addSubcommand("help", new CommandLine(CommandLine.HelpCommand.class, factory));
    }
    cl.setOut(io.out());
    cl.setErr(io.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionStrategy(
        parseResult -> {
          StoreNotes.before(parseResult, io);
          return new CommandLine.RunLast().execute(parseResult);
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine at = ex.getCommandLine();
          at.getErr()
              .println(
                  "statestore: "
                      + oneLine(hidePropertyValues(ex.getMessage(), args))
                      + " (see '"
                      + at.getCommandSpec().qualifiedName()
                      + " --help')");
          return ExitCodes.USER_ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("statestore: " + describe(ex) + ErrorHints.hint(ex));
          StatestoreCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
          if (root.verbose) {
            ex.printStackTrace(err);
          }
          return ExitCodes.USER_ERROR;
        });
    return cl;
  }

  /** One line describing an error, with the SQLState of a SQL error. */
  static String describe(Throwable e) {
    if (e instanceof SQLException s) {
      return oneLine(s.getMessage())
          + (s.getSQLState() == null ? "" : " [" + s.getSQLState() + "]");
    }
    if (e instanceof UserException u) {
      return oneLine(u.getMessage()) + " [" + u.sqlState() + "]";
    }
    if (e instanceof StateStoreException) {
      return oneLine(e.getMessage());
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
  }

  /**
   * The message with every {@code --property} argument of the command line masked: a property given
   * in the wrong shape ({@code key:value}) may carry a secret, which must not be echoed.
   */
  static String hidePropertyValues(String message, String[] args) {
    if (message == null) {
      return "";
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("-p") || a.equals("--property")) && i + 1 < args.length) {
        values.add(args[++i]);
      } else if (a.startsWith("--property=")) {
        values.add(a.substring("--property=".length()));
      } else if (a.startsWith("-p") && a.length() > 2 && !a.startsWith("--")) {
        values.add(a.substring(2));
      }
    }
    String out = message;
    for (String v : values) {
      if (!v.isEmpty()) {
        out = out.replace(v, "<not shown>");
      }
      String value = v.replaceFirst("^[^=:]*[=:]", "");
      if (value.length() >= 4) {
        out = out.replace(value, "<not shown>");
      }
    }
    return out;
  }

  static String oneLine(String s) {
    return s == null ? "" : ParserMessages.clean(s).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  /** Gives every verb the streams of this run. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliIo io;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    Factory(CliIo io) {
      this.io = io;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == StatestoreCommand.class) {
        return cls.cast(new StatestoreCommand(io));
      }
      return defaults.create(cls);
    }
  }

  /** The version: the driver's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"statestore " + StatestoreDriver.VERSION};
    }
  }
}
