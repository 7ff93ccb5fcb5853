package io.outbox.jpa.internal;

import io.outbox.StoreUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The secret that lets the processes of one user reach an embedded store another of them
 * serves: a Derby user name and a random password, kept in a file beside the store that only
 * its owner can read ({@code rw-------}, from the moment it exists). Made once, on first use,
 * by whichever process comes first; every later one reads it. Never printed: {@link #toString()}
 * leaves the password out. Immutable.
 */
public record StoreCredential(String user, String password) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The store's credential file: {@code <store>.credential} beside the database directory. */
    public static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".credential");
    }

    /** Reads the store's credential, or makes it when there is none yet. */
    public static StoreCredential loadOrCreate(Path database) {
        Path file = fileOf(database);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("cannot read or make the store's credential file " + file + " ("
                    + e.getMessage() + "); check that the data directory is yours and writable", e);
        }
    }

    private static void create(Path file) throws IOException {
        SecureRandom random = new SecureRandom(); // here, not per class: most runs read a credential, seeding costs
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] name = new byte[6];
        random.nextBytes(name);
        Properties properties = new Properties();
        // a user name of its own per store: Derby's users are the JVM's, and one JVM may serve several stores
        properties.setProperty("user", "OUTBOX_" + HexFormat.of().withUpperCase().formatHex(name));
        properties.setProperty("password", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        Path part = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".part",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                properties.store(out, "the key to this store for the owner's other processes; keep it private");
            }
            // never replaces one that another process made in the meantime: both then read the same
            Files.createLink(file, part);
        } catch (FileAlreadyExistsException another) {
            // theirs wins
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (!Files.exists(file)) {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static StoreCredential read(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY); // someone widened it: the secret is the owner's alone
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        String user = properties.getProperty("user", "");
        String password = properties.getProperty("password", "");
        if (!user.matches("OUTBOX_[0-9A-F]{12}") || password.length() < 32) {
            throw new IllegalStateException("the credential file is damaged; delete it while no process uses the store");
        }
        return new StoreCredential(user, password);
    }

    @Override
    public String toString() {
        return "StoreCredential[user=" + user + ", password=***]";
    }
}
