package io.statestore.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users a server accepts, each with a SCRAM-SHA-256 verifier, never a password. The users file
 * has one {@code name:SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} line per user
 * (PostgreSQL's verifier form, so a verifier from {@code pg_authid} works too); blank lines and
 * lines starting with {@code #} are ignored. {@link #addUser} writes such a line.
 */
public final class ServerUsers {
  private final Map<String, ScramVerifier> verifiers;

  private ServerUsers(Map<String, ScramVerifier> verifiers) {
    this.verifiers = Collections.unmodifiableMap(verifiers);
  }

  /** Reads a users file; a malformed line fails naming its number, never its content. */
  public static ServerUsers load(Path file) throws IOException {
    Map<String, ScramVerifier> map = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      ScramVerifier v = colon > 0 ? ScramVerifier.parse(line.substring(colon + 1)) : null;
      if (v == null) {
        throw new IOException(
            "Line "
                + (i + 1)
                + " of the users file "
                + file
                + " is not 'name:SCRAM-SHA-256$...'; write it with statestore serve --add-user");
      }
      map.put(line.substring(0, colon), v);
    }
    return new ServerUsers(map);
  }

  /** Users from names and verifier texts (as {@link #verifierFor} makes them). */
  public static ServerUsers of(Map<String, String> nameToVerifier) {
    Map<String, ScramVerifier> map = new LinkedHashMap<>();
    nameToVerifier.forEach(
        (name, text) -> {
          ScramVerifier v = ScramVerifier.parse(text);
          if (v == null) {
            throw new IllegalArgumentException(
                "The verifier of user '" + name + "' is not in the SCRAM-SHA-256$... form");
          }
          map.put(name, v);
        });
    return new ServerUsers(map);
  }

  /** A new SCRAM-SHA-256 verifier of a password, with a random salt. */
  public static String verifierFor(char[] password) {
    return ScramVerifier.create(password, new SecureRandom()).encode();
  }

  /**
   * Adds or replaces a user's line in a users file, creating the file owner-only where the file
   * system allows it. The password itself is never written.
   */
  public static void addUser(Path file, String user, char[] password) throws IOException {
    if (user.isEmpty() || user.contains(":") || user.contains("\n") || user.startsWith("#")) {
      throw new IllegalArgumentException(
          "A user name must be non-empty, not start with '#' and hold no ':' or line break");
    }
    List<String> kept = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.strip().startsWith(user + ":")) {
          kept.add(line);
        }
      }
    } else {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the directory's default permissions
      }
    }
    kept.add(user + ":" + verifierFor(password));
    Files.write(file, kept, StandardCharsets.UTF_8);
  }

  /** The names of the users, in file order. */
  public Set<String> names() {
    return verifiers.keySet();
  }

  public boolean isEmpty() {
    return verifiers.isEmpty();
  }

  ScramVerifier verifier(String user) {
    return verifiers.get(user);
  }

  @Override
  public String toString() {
    return "ServerUsers" + verifiers.keySet();
  }
}
