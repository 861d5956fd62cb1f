package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    private static RunnerOptions parsed(String... args) {
        RunnerOptions[] options = {RunnerOptions.defaults()};
        for (int i = 0; i < args.length; ) {
            int used = RunnerOptions.parse(args, i, options);
            assertThat(used).as(args[i]).isPositive();
            i += used;
        }
        return options[0];
    }

    @Test
    void anotherHostNeedsAllowRemote() {
        assertThat(parsed().hostRefusal()).isEmpty();
        assertThat(parsed("--host", "localhost").hostRefusal()).isEmpty();
        assertThat(parsed("--host", "0.0.0.0").hostRefusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("--host 0.0.0.0").contains("--allow-remote").doesNotContain("\n"));
        assertThat(parsed("--host", "0.0.0.0", "--allow-remote").hostRefusal()).isEmpty();
        assertThat(parsed("--allow-remote", "--host", "192.168.1.20").allowRemote()).isTrue();
    }

    @Test
    void serveRefusesARemoteHostWithOneLineNamingBothFlagsAndStartsNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("runner-remote-host");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            status = ServeCommand.run(new String[] {"--host", "0.0.0.0", "--port", "0", "--data-dir",
                dataDir.toString()});
        } finally {
            System.setErr(original);
        }

        assertThat(status).isEqualTo(2);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("serve: --host 0.0.0.0 ").contains("--allow-remote");
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no PostgreSQL, no key").isEmpty();
        }
        assertThatThrownBy(() -> ServeCommand.start(RunnerOptions.defaults().withHost("0.0.0.0").withDataDir(dataDir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote");
    }
}
