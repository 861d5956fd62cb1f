package com.campaignmanager.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void firstUseWritesAPrivateRsaJwkWithAKidUnderAuth() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir);

        Path file = dataDir.resolve("auth").resolve("signing-key.json");
        assertThat(key.file()).isEqualTo(file);
        RSAKey stored = RSAKey.parse(Files.readString(file));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(stored.size()).isEqualTo(2048);
        assertThat(stored.getKeyID()).isNotBlank().isEqualTo(key.keyId());
        assertThat(key.publicJwk().isPrivate()).isFalse();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void keyFileAndDirectoryAreOwnerOnlyOnPosix() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void laterLoadsUseTheSameKey() throws Exception {
        LocalSigningKey first = LocalSigningKey.loadOrCreate(dataDir);
        String stored = Files.readString(first.file());

        LocalSigningKey second = LocalSigningKey.loadOrCreate(dataDir);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(Files.readString(second.file())).isEqualTo(stored);
    }

    @Test
    void concurrentFirstUseFromManyThreadsCreatesOneKey() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> keyIds = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<String> load = () -> {
                    start.await();
                    return LocalSigningKey.loadOrCreate(dataDir).keyId();
                };
                keyIds.add(pool.submit(load));
            }
            start.countDown();

            Set<String> distinct = new HashSet<>();
            for (Future<String> keyId : keyIds) {
                distinct.add(keyId.get(60, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
            assertThat(RSAKey.parse(Files.readString(LocalSigningKey.keyFile(dataDir))).getKeyID())
                    .isEqualTo(distinct.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstUseFromSeveralProcessesCreatesOneKey() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KeyIdPrinter.class.getName(), dataDir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }

        Set<String> keyIds = new HashSet<>();
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("probe JVM finished").isTrue();
            assertThat(process.exitValue()).isZero();
            keyIds.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }

        assertThat(keyIds).hasSize(1);
        assertThat(LocalSigningKey.loadOrCreate(dataDir).keyId()).isEqualTo(keyIds.iterator().next());
    }

    @Test
    void corruptFileIsAClearErrorNamingTheFile() throws Exception {
        Path file = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"kty\":\"RSA\",");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Delete the file");
    }

    @Test
    void emptyFileIsAClearErrorNamingTheFile() throws Exception {
        Path file = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void publicOnlyKeyIsRefused() throws Exception {
        Path file = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(file.getParent());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Files.writeString(file, key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no private key");
    }

    @Test
    void nonRsaKeyIsRefused() throws Exception {
        Path file = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ECKeyGenerator(Curve.P_256).keyID("k1").generate().toJSONString());

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected RSA");
    }

    @Test
    void keyWithoutKidIsRefused() throws Exception {
        Path file = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new RSAKeyGenerator(2048).generate().toJSONString());

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no kid");
    }

    @Test
    void createsTheDataDirectoryWhenMissing() {
        Path nested = dataDir.resolve("not" + File.separator + "there");

        LocalSigningKey key = LocalSigningKey.loadOrCreate(nested);

        assertThat(key.file()).exists();
    }
}
