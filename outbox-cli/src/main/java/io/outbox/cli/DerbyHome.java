package io.outbox.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Derby's settings for the embedded stores of a command: the data directory becomes Derby's
 * system home, and its {@code derby.properties} (written once, owner-only) keeps Derby's JMX
 * management off. Derby registers its MBeans with the platform MBean server at boot, and setting
 * that server up cost an owner 0.08 s of a 0.7 s command here; nothing reads those MBeans. The
 * module chosen instead is Derby's own for a JVM without JMX. A system home the user set, with
 * their own {@code derby.properties}, is left alone. Must run before this JVM boots Derby (it
 * reads both once, at boot). Stateless.
 */
final class DerbyHome {
    static final String FILE = "derby.properties";
    private static final String HOME = "derby.system.home";
    private static final String SETTINGS = "# Derby's settings for this app's embedded store, read at Derby's boot\n"
            + "# JMX management off: nothing reads Derby's MBeans, and setting up the MBean server slows each command\n"
            + "derby.module.mgmt.jmx=org.apache.derby.impl.services.jmxnone.NoManagementService\n";

    private DerbyHome() {
    }

    /** Makes {@code dataDir}, which exists and is the user's, Derby's system home, unless one is set. */
    static void use(Path dataDir) {
        if (System.getProperty(HOME) != null) {
            return;
        }
        Path settings = dataDir.resolve(FILE);
        if (!Files.exists(settings)) {
            try {
                write(settings);
            } catch (IOException e) {
                return; // Derby runs as well without it, only slower to boot
            }
        }
        System.setProperty(HOME, dataDir.toAbsolutePath().toString());
    }

    private static void write(Path settings) throws IOException {
        Path part = Files.createTempFile(settings.getParent(), FILE + ".", ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                out.write(SETTINGS.getBytes(StandardCharsets.ISO_8859_1));
            }
            Files.move(part, settings, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException another) {
            if (!Files.exists(settings)) { // another process's move came first: theirs is the same
                throw another;
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
