package io.statestore.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the default store ({@code jdbc:statestore:}, the command line without {@code --store})
 * keeps its embedded database: one directory per user, the same from every working directory and
 * every program. First found wins:
 *
 * <ol>
 *   <li>the system property {@value #PROPERTY} (the more specific: one JVM, e.g. a SQL client's);
 *   <li>the environment variable {@value #ENV};
 *   <li>{@code $XDG_DATA_HOME/statestore} when {@code XDG_DATA_HOME} is an absolute path;
 *   <li>{@code ~/.statestore}.
 * </ol>
 *
 * <p>Earlier versions kept the default store in {@code ./.statestore/} of the working directory;
 * {@link #legacy(Path)} finds such a directory so that it can be pointed out once.
 */
public final class DefaultStoreHome {
  /** The environment variable that names the default store's directory. */
  public static final String ENV = "STATESTORE_HOME";

  /** The system property that names the default store's directory. */
  public static final String PROPERTY = "statestore.home";

  /** The directory's name under the home directory (and, formerly, the working directory). */
  public static final String DIR_NAME = ".statestore";

  /** The embedded database's file in the directory. */
  public static final String DATABASE_FILE = "statestore.mv.db";

  private DefaultStoreHome() {}

  /**
   * The default store's directory and what chose it.
   *
   * @param path the directory, absolute and normalised
   * @param source what chose it: {@code STATESTORE_HOME}, {@code statestore.home}, {@code
   *     XDG_DATA_HOME} or {@code user home}
   */
  public record Resolved(Path path, String source) {}

  /** The directory of this process (its environment and system properties). */
  public static Path path() {
    return resolve().path();
  }

  /** The directory of this process, with what chose it. */
  public static Resolved resolve() {
    return resolve(System::getenv, System::getProperty);
  }

  /**
   * The directory given an environment and system properties.
   *
   * @param env looks up an environment variable (null when unset)
   * @param properties looks up a system property (null when unset)
   */
  public static Resolved resolve(UnaryOperator<String> env, UnaryOperator<String> properties) {
    String fromProperty = properties.apply(PROPERTY);
    if (present(fromProperty)) {
      return of(fromProperty, "", PROPERTY, properties);
    }
    String fromEnv = env.apply(ENV);
    if (present(fromEnv)) {
      return of(fromEnv, "", ENV, properties);
    }
    String xdg = env.apply("XDG_DATA_HOME");
    if (present(xdg) && absolute(xdg)) {
      return of(xdg, "statestore", "XDG_DATA_HOME", properties);
    }
    return of(properties.apply("user.home"), DIR_NAME, "user home", properties);
  }

  private static Resolved of(String dir, String child, String source, UnaryOperator<String> p) {
    Path base = Path.of(expandTilde(dir.strip(), p.apply("user.home")));
    if (!base.isAbsolute()) {
      String cwd = p.apply("user.dir");
      base = cwd == null ? base.toAbsolutePath() : Path.of(cwd).resolve(base);
    }
    Path path = child.isEmpty() ? base : base.resolve(child);
    return new Resolved(path.normalize(), source);
  }

  /** {@code ~} or {@code ~/x}, as a shell would expand it (a value set in a GUI is not). */
  private static String expandTilde(String dir, String userHome) {
    if (userHome != null && (dir.equals("~") || dir.startsWith("~/"))) {
      return userHome + dir.substring(1);
    }
    return dir;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static boolean absolute(String s) {
    try {
      return Path.of(s.strip()).isAbsolute();
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Whether the embedded database of the directory exists (the first write creates it). */
  public static boolean exists(Path home) {
    return Files.isRegularFile(home.resolve(DATABASE_FILE));
  }

  /**
   * A default store left by an earlier version in {@code ./.statestore/} of the working directory,
   * when it holds a database and is not the directory in use.
   *
   * @param inUse the default store's directory in use
   */
  public static Optional<Path> legacy(Path inUse) {
    String cwd = System.getProperty("user.dir");
    return cwd == null ? Optional.empty() : legacy(Path.of(cwd), inUse);
  }

  /**
   * A default store left by an earlier version in {@code .statestore/} of a working directory, when
   * it holds a database and is not the directory in use.
   *
   * @param workingDirectory the working directory
   * @param inUse the default store's directory in use
   */
  public static Optional<Path> legacy(Path workingDirectory, Path inUse) {
    Path old = workingDirectory.resolve(DIR_NAME).toAbsolutePath().normalize();
    if (!exists(old) || same(old, inUse)) {
      return Optional.empty();
    }
    return Optional.of(old);
  }

  private static boolean same(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.equals(b.toAbsolutePath().normalize());
    }
  }

  /** The warning about a store left in the working directory by an earlier version. */
  public static String legacyWarning(Path old, Path inUse) {
    return "The default store is now "
        + inUse
        + " (for every directory), but "
        + old
        + " holds one from an earlier version, not used any more; copy its states with"
        + " 'statestore migrate systemdb:jdbc:h2:file:"
        + old.resolve("statestore")
        + " systemdb:', or move it with 'mv "
        + old
        + " "
        + inUse
        + "' if "
        + inUse
        + " does not exist yet";
  }
}
