package com.campaignmanager.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsExactlyOneLineHoldingATokenTheServerAccepts() {
        int status = run("--data-dir", dataDir.toString(), "--sub", "alice", "--email", "alice@example.com",
                "--role", "editor");

        assertThat(status).isZero();
        assertThat(stderr()).isEmpty();
        String stdout = stdout();
        assertThat(stdout).endsWith("\n");
        assertThat(stdout.lines()).hasSize(1);
        String token = stdout.strip();

        LocalJwtAuthorizer server = new LocalJwtAuthorizer(LocalSigningKey.loadOrCreate(dataDir), LocalAuthConfig.defaults());
        AuthorizationResult result = server.authorize("Bearer " + token);
        assertThat(result.isAuthorized()).isTrue();
        assertThat(((AuthorizationResult.Authorized) result).claims()).contains(
                Map.entry("sub", "alice"),
                Map.entry("email", "alice@example.com"),
                Map.entry("cognito:groups", "[editor]"),
                Map.entry("token_use", "id"));
    }

    @Test
    void repeatedRolesTtlIssuerAndAudienceAreHonoured() {
        int status = run("--data-dir", dataDir.toString(), "--sub", "bob", "--role", "viewer", "--role", "admin",
                "--role", "viewer", "--ttl", "30m", "--issuer", "https://idp.example/x", "--audience", "app-client");

        assertThat(status).isZero();
        String token = stdout().strip();
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir);
        LocalAuthConfig config = new LocalAuthConfig("https://idp.example/x", "app-client");
        Instant justBeforeExpiry = Instant.now().plus(Duration.ofMinutes(29));
        Instant afterExpiry = Instant.now().plus(Duration.ofMinutes(31));

        AuthorizationResult result = new LocalJwtAuthorizer(key, config, Clock.fixed(justBeforeExpiry, ZoneOffset.UTC))
                .authorize(token);
        assertThat(result.isAuthorized()).isTrue();
        assertThat(((AuthorizationResult.Authorized) result).claims())
                .containsEntry("cognito:groups", "[viewer admin]")
                .doesNotContainKey("email");
        assertThat(new LocalJwtAuthorizer(key, config, Clock.fixed(afterExpiry, ZoneOffset.UTC))
                .authorize(token).isAuthorized()).isFalse();
    }

    @Test
    void secondsTtlIsAccepted() {
        assertThat(run("--data-dir", dataDir.toString(), "--sub", "a", "--role", "viewer", "--ttl", "3600s")).isZero();
        assertThat(run("--data-dir", dataDir.toString(), "--sub", "a", "--role", "viewer", "--ttl", "12h")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--role editor",
            "--sub alice",
            "--sub alice --role superuser",
            "--sub alice --role Editor",
            "--sub alice --role editor --color blue",
            "--sub alice --role",
            "--sub --role editor",
            "--sub alice --role editor --ttl 12",
            "--sub alice --role editor --ttl 0h",
            "--sub alice --role editor --ttl -5m",
            "--sub alice --role editor --ttl 1d",
            "--sub alice --role editor stray",
    })
    void badUsageIsReportedOnStderrWithStatus2(String line) {
        String[] flags = line.isEmpty() ? new String[0] : line.split(" ");
        String[] args = new String[flags.length + 2];
        args[0] = "--data-dir";
        args[1] = dataDir.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);

        assertThat(run(args)).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("token: ").contains("usage:");
    }

    @Test
    void unusableKeyFileIsStatus1NamingTheFile() throws Exception {
        Path keyFile = LocalSigningKey.keyFile(dataDir);
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "not json");

        assertThat(run("--data-dir", dataDir.toString(), "--sub", "alice", "--role", "editor")).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains(keyFile.toString());
    }

    @Test
    void helpGoesToStdoutWithStatus0() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).startsWith("usage:");
    }

    private int run(String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
