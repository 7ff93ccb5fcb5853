package io.outbox.cli;

import io.outbox.jpa.support.BootWithHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory as Derby's system home: its settings file is written once and owner-only,
 * Derby booted with it sets up no MBean server (without it, Derby's JMX module does), and a
 * home or a settings file of the user's own is left as it is.
 */
class DerbyHomeIT {
    private static final String HOME = "derby.system.home";

    @TempDir
    Path dir;

    @AfterEach
    void forgetHome() {
        System.clearProperty(HOME);
    }

    @Test
    void givenNoHomeSet_whenUsed_thenTheDataDirIsHomeWithOwnerOnlySettings() throws IOException {
        DerbyHome.use(dir);

        assertThat(System.getProperty(HOME)).isEqualTo(dir.toAbsolutePath().toString());
        Path settings = dir.resolve(DerbyHome.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
        assertThat(Files.readString(settings)).contains("derby.module.mgmt.jmx=");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no part file left").containsExactly(settings);
        }
    }

    @Test
    void givenSettingsOfTheUsersOwn_whenUsed_thenKept() throws IOException {
        Files.writeString(dir.resolve(DerbyHome.FILE), "derby.storage.pageCacheSize=2000\n");

        DerbyHome.use(dir);

        assertThat(Files.readString(dir.resolve(DerbyHome.FILE))).isEqualTo("derby.storage.pageCacheSize=2000\n");
        assertThat(System.getProperty(HOME)).isEqualTo(dir.toAbsolutePath().toString());
    }

    @Test
    void givenHomeSetByTheUser_whenUsed_thenNothingChanges() {
        System.setProperty(HOME, "/elsewhere");

        DerbyHome.use(dir);

        assertThat(System.getProperty(HOME)).isEqualTo("/elsewhere");
        assertThat(dir.resolve(DerbyHome.FILE)).doesNotExist();
    }

    @Test
    void givenTheDataDirAsHome_whenDerbyBoots_thenNoMBeanServerIsSetUp() throws Exception {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path home = Files.createDirectory(dir.resolve("home"));
        DerbyHome.use(home);
        System.clearProperty(HOME);

        assertThat(boot(plain, "-Dderby.system.home=" + plain)).as("Derby's default").isEqualTo("mbean servers 1");
        assertThat(boot(home, "-Dderby.system.home=" + home)).isEqualTo("mbean servers 0");
    }

    private static String boot(Path home, String homeFlag) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", homeFlag, "-Dderby.stream.error.file="
                + home.resolve("derby.log"), "-cp", System.getProperty("java.class.path"), BootWithHome.class.getName(),
                home.resolve("store").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return said;
    }
}
