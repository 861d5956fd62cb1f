package com.campaignmanager.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/**
 * The key the local runner signs and verifies tokens with: a private RSA JWK with a {@code kid}, kept in
 * {@code DIR/auth/signing-key.json} and generated on first use.
 *
 * <p>RSA (RS256) because API Gateway's HTTP API JWT authorizer only supports RSA-based algorithms, so a local
 * token has the same shape as a Cognito one. Creation is safe when several threads or processes start at once:
 * they serialise on a lock file, the first one writes the key (temp file + atomic move), the others read it.
 */
public final class LocalSigningKey {
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    public static final int KEY_SIZE_BITS = 2048;

    private static final String AUTH_DIR = "auth";
    private static final String KEY_FILE = "signing-key.json";
    private static final String LOCK_FILE = "signing-key.lock";
    // A JVM may hold only one FileLock per file: threads of the same process queue here before taking it.
    private static final Object CREATION_MONITOR = new Object();

    private final RSAKey privateJwk;
    private final Path file;

    private LocalSigningKey(RSAKey privateJwk, Path file) {
        this.privateJwk = privateJwk;
        this.file = file;
    }

    /** Loads {@code dataDir/auth/signing-key.json}, creating it first if it does not exist yet. */
    public static LocalSigningKey loadOrCreate(Path dataDir) {
        Path file = keyFile(dataDir);
        if (Files.isRegularFile(file)) {
            return read(file); // Published by an atomic move, so never seen half-written.
        }
        return createIfAbsent(file);
    }

    public static Path keyFile(Path dataDir) {
        return dataDir.resolve(AUTH_DIR).resolve(KEY_FILE);
    }

    public String keyId() {
        return privateJwk.getKeyID();
    }

    public Path file() {
        return file;
    }

    /** The public half, e.g. for a JWKS document. */
    public RSAKey publicJwk() {
        return privateJwk.toPublicJWK();
    }

    JWSSigner signer() {
        try {
            return new RSASSASigner(privateJwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the key in " + file, e);
        }
    }

    JWSVerifier verifier() {
        try {
            return new RSASSAVerifier(privateJwk.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot verify with the key in " + file, e);
        }
    }

    private static LocalSigningKey createIfAbsent(Path file) {
        Path authDir = file.getParent();
        synchronized (CREATION_MONITOR) {
            try {
                Files.createDirectories(authDir.getParent());
                createOwnerOnlyDirectory(authDir);
                try (FileChannel channel = FileChannel.open(authDir.resolve(LOCK_FILE),
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnlyFile(authDir))) {
                    FileLock lock = channel.lock(); // Blocks while another process is creating the key.
                    try {
                        if (Files.isRegularFile(file)) {
                            return read(file); // Another process won the race.
                        }
                        RSAKey key = generate();
                        writeAtomically(file, key.toJSONString());
                        return new LocalSigningKey(key, file);
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the local signing key " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static void writeAtomically(Path file, String json) throws IOException {
        Path dir = file.getParent();
        Path temp = Files.createTempFile(dir, ".signing-key-", ".tmp", ownerOnlyFile(dir));
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file); // Still under the lock, so no other creator can interleave.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static LocalSigningKey read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local signing key " + file + ": " + e.getMessage(), e);
        }
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw corrupt(file, "not a JSON Web Key (" + e.getMessage() + ")");
        }
        if (!(jwk instanceof RSAKey rsaKey)) {
            throw corrupt(file, "key type " + jwk.getKeyType() + ", expected RSA");
        }
        if (!rsaKey.isPrivate()) {
            throw corrupt(file, "it holds no private key");
        }
        if (rsaKey.getKeyID() == null || rsaKey.getKeyID().isBlank()) {
            throw corrupt(file, "it has no kid");
        }
        if (rsaKey.size() < KEY_SIZE_BITS) {
            throw corrupt(file, "RSA key of " + rsaKey.size() + " bits, expected at least " + KEY_SIZE_BITS);
        }
        return new LocalSigningKey(rsaKey, file);
    }

    private static IllegalStateException corrupt(Path file, String problem) {
        return new IllegalStateException("the local signing key " + file + " is unusable: " + problem
                + ". Delete the file to have a new key generated (tokens signed with the old key will be rejected).");
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (supportsPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it between the check and here.
        }
    }

    private static FileAttribute<?>[] ownerOnlyFile(Path dir) {
        if (!supportsPosix(dir)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
